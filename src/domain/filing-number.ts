/**
 * An ICP filing number (备案号): `<province abbreviation>ICP备<8 to 10
 * digits>号`, optionally `-<n>` for the n-th website of the filing. Groups:
 * the abbreviation, the digits, the website's number.
 */
export const FILING_NUMBER = /^(\p{Script=Han})ICP备([0-9]{8,10})号(?:-([1-9][0-9]*))?$/u;
