// A file input drawn as a button in the app's style (the native "Choose Files" box clashes with every other control):
// the visible text is the button; the input inside keeps its accessible name, keyboard focus and the browser's picker.
import type { ChangeEvent, InputHTMLAttributes } from 'react';

/**
 * `onFile`: the one file picked; `onFiles`: every file picked (a `multiple` picker). Either way the input is emptied
 * after, so the same file can be picked again (after a cancel, a refusal, a fix to the file).
 */
export function FilePicker(
  props: { text: string; className?: string; onFile?: (file: File) => void; onFiles?: (files: File[]) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className' | 'onChange'>,
) {
  const { text, className, onFile, onFiles, ...input } = props;
  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    if (files.length === 0) return;
    onFiles?.(files);
    onFile?.(files[0]);
  };
  return (
    <label className={`button file-picker${className ? ` ${className}` : ''}`}>
      <svg className="file-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 16V4M7 9l5-5 5 5M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4" />
      </svg>
      {text}
      <input type="file" className="visually-hidden" {...input} onChange={picked} />
    </label>
  );
}
