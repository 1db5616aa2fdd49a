import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MesaBridge } from '../../shared/ipc/contract';
import { renderIn } from '../testing/render-in';
import { AttachDropZone } from './AttachDropZone';

const attach = vi.fn((_files: readonly File[], _paths?: ReadonlyMap<File, string>) => Promise.resolve());
vi.mock('./use-attach-files', () => ({
  useAttachFiles: () => ({ attach, problems: [], refusal: null, busy: false, dismiss: () => {} }),
}));

/** The Electron preload's window.mesa, reduced to the member the drop zone uses. */
function withPreload(droppedFilePath: MesaBridge['droppedFilePath']): void {
  Object.defineProperty(window, 'mesa', { value: { droppedFilePath }, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(window, 'mesa');
  attach.mockClear();
});

function dropOnZone(files: File[]): void {
  renderIn(
    'es',
    <AttachDropZone ticketId="01900000-0000-7000-8000-000000000001">
      <p>Ticket</p>
    </AttachDropZone>,
  );
  fireEvent.drop(screen.getByTestId('attach-drop-zone'), { dataTransfer: { types: ['Files'], files } });
}

describe('AttachDropZone', () => {
  it('in Electron, hands the preload’s path of each dropped file to the attach flow with the bytes', () => {
    const shot = new File(['png'], 'screenshot.png', { type: 'image/png', lastModified: 1_700_000_000_000 });
    const pasted = new File(['x'], 'built.png', { type: 'image/png', lastModified: 2 });
    const asked: unknown[] = [];
    withPreload((key) => {
      asked.push(key);
      return key.name === 'screenshot.png' ? '/home/ana/screenshot.png' : null;
    });
    dropOnZone([shot, pasted]);
    expect(asked).toEqual([
      { name: 'screenshot.png', size: 3, lastModified: 1_700_000_000_000 },
      { name: 'built.png', size: 1, lastModified: 2 },
    ]);
    expect(attach).toHaveBeenCalledExactlyOnceWith(
      [shot, pasted],
      new Map([[shot, '/home/ana/screenshot.png']]),
    );
  });

  it('in the browser host (no preload), attaches the same files with no paths', () => {
    const shot = new File(['png'], 'screenshot.png', { type: 'image/png' });
    dropOnZone([shot]);
    expect(attach).toHaveBeenCalledExactlyOnceWith([shot], new Map());
  });

  it('ignores a preload that throws or answers something other than a path', () => {
    const a = new File(['a'], 'a.png', { type: 'image/png' });
    const b = new File(['b'], 'b.png', { type: 'image/png' });
    withPreload((key) => {
      if (key.name === 'a.png') throw new Error('boom');
      return 42 as unknown as string;
    });
    dropOnZone([a, b]);
    expect(attach).toHaveBeenCalledExactlyOnceWith([a, b], new Map());
  });
});
