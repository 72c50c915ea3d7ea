/** date-holidays ships its data module without types; only its version is read here. */
declare module 'date-holidays/data' {
  export const data: { version: string };
}
