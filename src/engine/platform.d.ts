// The platform globals the engine uses, present alike in browsers, workers and Node 20 (the engine compiles against
// ES2022 only: no DOM, no Node types). Declared here as the engine uses them, nothing more; a new one goes here.

declare global {
  /** High-resolution time, for timings and throttled progress. */
  const performance: { now(): number };

  /** WHATWG Encoding: the release files are UTF-8 or ISO-8859-1. */
  interface TextDecodeOptions {
    stream?: boolean;
  }
  interface TextDecoderOptions {
    fatal?: boolean;
    ignoreBOM?: boolean;
  }
  class TextDecoder {
    constructor(label?: string, options?: TextDecoderOptions);
    readonly encoding: string;
    decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
  }
  class TextEncoder {
    encode(input?: string): Uint8Array<ArrayBuffer>;
  }

  /** WHATWG Streams, as zipReader.ts feeds compressed slices through the platform's inflater. */
  interface ReadableStreamDefaultController<R> {
    enqueue(chunk: R): void;
    close(): void;
  }
  interface ReadableStreamDefaultReader<R> {
    read(): Promise<{ done: true; value?: undefined } | { done: false; value: R }>;
    /** Stops the stream (and what feeds it) when the reader gives up early: a limit, a CRC, the consumer gone. */
    cancel(reason?: unknown): Promise<void>;
  }
  class ReadableStream<R> {
    constructor(source: { pull(controller: ReadableStreamDefaultController<R>): void | Promise<void> });
    pipeThrough<T>(transform: TransformStream<R, T>): ReadableStream<T>;
    getReader(): ReadableStreamDefaultReader<R>;
  }
  interface WritableStream<W> {
    getWriter(): { write(chunk: W): Promise<void>; close(): Promise<void> };
  }
  class TransformStream<I, O> {
    readonly readable: ReadableStream<O>;
    readonly writable: WritableStream<I>;
  }
  /** Compression Streams: zlib's raw inflate where the platform has it (Chromium, Node 18+); fflate otherwise. */
  class DecompressionStream {
    constructor(format: 'deflate' | 'deflate-raw' | 'gzip');
    readonly readable: ReadableStream<Uint8Array>;
    readonly writable: WritableStream<BufferSource>;
  }
  type BufferSource = ArrayBufferView | ArrayBuffer;

  /** The WebAssembly JS API as the ALS kernels use it (src/engine/wasm): shared memories, modules, instances, validate. */
  namespace WebAssembly {
    interface MemoryDescriptor {
      initial: number;
      maximum?: number;
      shared?: boolean;
    }
    class Memory {
      constructor(descriptor: MemoryDescriptor);
      readonly buffer: ArrayBuffer | SharedArrayBuffer;
      grow(delta: number): number;
    }
    class Module {
      constructor(bytes: BufferSource);
    }
    type Imports = Record<string, Record<string, Memory | ((...args: never[]) => unknown) | number>>;
    class Instance {
      constructor(module: Module, imports?: Imports);
      readonly exports: Record<string, unknown>;
    }
    function validate(bytes: BufferSource): boolean;
    function compile(bytes: BufferSource): Promise<Module>;
  }
}

export {};
