// The part of papaparse's API the engine calls (parsing a string), for type checking only: @types/papaparse pulls in
// @types/node (for its Node stream overload) and the engine compiles without Node types, so src/engine/tsconfig.json
// maps 'papaparse' here; the code runs the real package. test/unit/engine/papaparse.test.ts checks that the real
// declarations and the real parser still fit these.

export interface ParseError {
  type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
  code: 'MissingQuotes' | 'UndetectableDelimiter' | 'TooFewFields' | 'TooManyFields' | 'InvalidQuotes';
  message: string;
  /** Row index of the parsed data where the error is. */
  row?: number | undefined;
}

export interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
}

/** What `step` receives: one row. */
export interface ParseStepResult<T> {
  data: T;
  errors: ParseError[];
}

export interface Parser {
  abort(): void;
}

export interface ParseConfig<T> {
  header?: false | undefined;
  delimiter?: string | undefined;
  newline?: '\r' | '\n' | '\r\n' | undefined;
  skipEmptyLines?: boolean | 'greedy' | undefined;
  /** Called for each row instead of collecting them; `parser.abort()` stops the parse. */
  step?(results: ParseStepResult<T>, parser: Parser): void;
}

export function parse<T>(text: string, config?: ParseConfig<T>): ParseResult<T>;

declare const Papa: { parse: typeof parse };
export default Papa;
