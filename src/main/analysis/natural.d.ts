// natural is imported by submodule only: its package root loads dotenv and database drivers (0.5 s, and
// prints to stdout). These declare the few submodules we use.
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/util/stopwords' {
  export const words: string[];
}
