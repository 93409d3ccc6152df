// A file input drawn as a button in the app's style (the native "Choose Files" box clashes with every other control):
// the visible text is the button; the input inside keeps its accessible name, keyboard focus and the browser's picker.
import type { InputHTMLAttributes } from 'react';

export function FilePicker(props: { text: string; className?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'>) {
  const { text, className, ...input } = props;
  return (
    <label className={`button file-picker${className ? ` ${className}` : ''}`}>
      <svg className="file-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 16V4M7 9l5-5 5 5M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4" />
      </svg>
      {text}
      <input type="file" className="visually-hidden" {...input} />
    </label>
  );
}
