/** Every project file has this extension (it is a SQLite database). */
export const PROJECT_EXTENSION = '.consult';
