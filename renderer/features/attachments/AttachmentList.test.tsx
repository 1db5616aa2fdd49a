import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocalAttachmentRow } from '../../attachments/local-attachment-fields';
import { renderIn } from '../../testing/render-in';
import { AttachmentList } from './AttachmentList';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

const attachment = (over: Partial<LocalAttachmentRow>): LocalAttachmentRow => ({
  id: '01900000-0000-7000-8000-0000000000a1',
  ticketId: '01900000-0000-7000-8000-000000000001',
  commentId: null,
  sha256: 'a'.repeat(64),
  fileName: 'screenshot.png',
  contentType: 'image/png',
  size: 2048,
  uploadedById: null,
  createdAt: '2025-03-12T09:00:00.000Z',
  blob: new Blob(['png'], { type: 'image/png' }),
  uploaded: 0,
  confirmed: 0,
  ...over,
});

function renderList(language: 'es' | 'en', attachments: LocalAttachmentRow[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderIn(
    language,
    <QueryClientProvider client={client}>
      <AttachmentList attachments={attachments} online={false} />
    </QueryClientProvider>,
  );
}

// jsdom has no object URLs; the thumbnails only need a string.
class TestURL extends URL {
  static override createObjectURL = () => 'blob:test';
  static override revokeObjectURL = () => {};
}
beforeEach(() => vi.stubGlobal('URL', TestURL));
afterEach(() => vi.unstubAllGlobals());

describe('AttachmentList: failed uploads', () => {
  it('says in Spanish why a file never uploaded and what to do, tied to its tile', () => {
    renderList('es', [attachment({ uploadError: { code: 'too_large', message: 'over 26214400 bytes' } })]);
    const failures = screen.getByTestId('attachment-upload-failures');
    expect(failures).toHaveTextContent(
      '«screenshot.png» no se subió: supera el límite del servidor de 25 MB. Adjunta una copia más pequeña (recórtala o comprímela).',
    );
    const tile = screen.getByRole('button', { name: 'Ver screenshot.png' });
    expect(tile).toHaveTextContent('No se pudo subir');
    expect(tile).not.toHaveTextContent('Pendiente de subir');
    expect(tile).toHaveAccessibleDescription(/no se subió: supera el límite/);
  });

  it('says it in English too, with the server’s reason for a refusal', () => {
    renderList('en', [
      attachment({ uploadError: { code: 'rejected', message: 'content type does not match the bytes' } }),
    ]);
    expect(screen.getByTestId('attachment-upload-failures')).toHaveTextContent(
      '“screenshot.png” was not uploaded: the server refused it (content type does not match the bytes). Check the file and attach it again.',
    );
    expect(screen.getByRole('button', { name: 'View screenshot.png' })).toHaveTextContent('Upload failed');
  });

  it('renders a hostile reason and file name as text, never as HTML', () => {
    const { container } = renderList('en', [
      attachment({ fileName: `${HOSTILE}.png`, uploadError: { code: 'internal', message: HOSTILE } }),
    ]);
    const item = within(screen.getByTestId('attachment-upload-failures')).getByRole('listitem');
    expect(item.textContent).toBe(`“${HOSTILE}.png” was not uploaded: ${HOSTILE}. Attach the file again.`);
    expect(item.children).toHaveLength(0);
    expect(container.querySelector('script')).toBeNull();
    // The only image is the tile's own thumbnail.
    expect([...container.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([
      'blob:test',
    ]);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows nothing for files still waiting, already uploaded, or with a malformed stored reason', () => {
    renderList('es', [
      attachment({ id: '01900000-0000-7000-8000-0000000000a2' }),
      attachment({
        id: '01900000-0000-7000-8000-0000000000a3',
        uploaded: 1,
        uploadError: { code: 'rejected', message: 'stale' },
      }),
      attachment({ id: '01900000-0000-7000-8000-0000000000a4', uploadError: { code: 'rejected' } as never }),
    ]);
    expect(screen.queryByTestId('attachment-upload-failures')).toBeNull();
    expect(screen.getAllByText(/Pendiente de subir/)).toHaveLength(2);
  });
});

describe('AttachmentList: where a dropped file came from', () => {
  it('names the original path on the tile when the desktop app recorded it, and nothing when it did not', () => {
    renderList('es', [
      attachment({ sourcePath: '/home/ana/Imágenes/screenshot.png' }),
      attachment({ id: '01900000-0000-7000-8000-0000000000a5', fileName: 'pegado.png' }),
    ]);
    expect(screen.getByRole('button', { name: 'Ver screenshot.png' })).toHaveAttribute(
      'title',
      'Desde /home/ana/Imágenes/screenshot.png',
    );
    expect(screen.getByRole('button', { name: 'Ver pegado.png' })).not.toHaveAttribute('title');
  });
});
