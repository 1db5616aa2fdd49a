import { useRef, useState, type ClipboardEvent, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachProblems } from './AttachProblems';
import { droppedFilePaths } from './dropped-file-path';
import { useAttachFiles } from './use-attach-files';
import './attach.css';

interface AttachDropZoneProps {
  ticketId: string;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

/** Files on the clipboard: a screenshot pasted with Ctrl+V arrives as an image item named image.png. */
function pastedFiles(e: ClipboardEvent): File[] {
  return Array.from(e.clipboardData.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.getAsFile())
    .filter((file): file is File => file !== null);
}

/**
 * Makes its children a place to drop or paste files for one ticket. Text pastes pass
 * through untouched; only a paste that carries files is taken. In Electron the preload
 * reads dropped files' paths itself (webUtils.getPathForFile) and the page records them beside
 * the bytes; the bytes are stored at once either way.
 */
export function AttachDropZone({
  ticketId,
  disabled = false,
  className = '',
  children,
}: AttachDropZoneProps) {
  const { t } = useTranslation();
  const { attach, problems, refusal, dismiss } = useAttachFiles(ticketId);
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed; counting them tells when the pointer really left.
  const depth = useRef(0);

  const onDragEnter = (e: DragEvent) => {
    if (disabled || !carriesFiles(e)) return;
    depth.current += 1;
    setOver(true);
  };
  const onDragOver = (e: DragEvent) => {
    if (disabled || !carriesFiles(e)) return;
    // Without this the browser opens the file instead of dropping it here.
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const onDrop = (e: DragEvent) => {
    if (disabled || !carriesFiles(e)) return;
    e.preventDefault();
    // The nearest zone takes the files; an outer one (the ticket view) must not attach them again.
    e.stopPropagation();
    depth.current = 0;
    setOver(false);
    const files = Array.from(e.dataTransfer.files);
    // Now, during the drop: the preload keeps the last drop's paths only.
    void attach(files, droppedFilePaths(files));
  };
  const onPaste = (e: ClipboardEvent) => {
    if (disabled) return;
    const files = pastedFiles(e);
    if (files.length === 0) return;
    e.preventDefault();
    e.stopPropagation();
    void attach(files);
  };

  return (
    <div
      className={`attach-drop-zone ${over ? 'attach-drag-over' : ''} ${className}`}
      data-testid="attach-drop-zone"
      data-ticket-id={ticketId}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      onPaste={onPaste}
    >
      {children}
      {over ? (
        <div className="attach-drop-hint" aria-hidden="true">
          {t('attach.dropHint')}
        </div>
      ) : null}
      <AttachProblems problems={problems} refusal={refusal} onDismiss={dismiss} />
    </div>
  );
}
