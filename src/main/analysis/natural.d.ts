// natural is imported by submodule only: its package root loads dotenv and database drivers (0.5 s, and
// prints to stdout). These declare the few submodules we use, by file name (with .js: Node's ESM resolver
// needs it in the built app, where natural is not bundled).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
