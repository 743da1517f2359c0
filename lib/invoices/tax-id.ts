/**
 * 纳税人识别号 (taxpayer id) by format, issue 20 item 4. Pure. Four shapes are in use:
 * - 18: the unified social credit code (统一社会信用代码, GB 32100-2015): 31 characters (digits and
 *   capitals without I, O, Z, S, V), the last a check character (weights 3^i mod 31).
 * - 15: the old tax registration number: a 6-digit region code + the 9-character organisation code
 *   (GB 11714: 8 digits/capitals + a check character 0–9 or X).
 * - 17: a 15-digit (first-generation) identity card number + 2 digits (individual businesses).
 * - 20: an 18-digit identity card number (ISO 7064 MOD 11-2 check, X allowed) + 2 digits.
 */
const USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

function usccValid(code: string): boolean {
  if (![...code].every((c) => USCC.includes(c))) return false;
  const sum = USCC_WEIGHTS.reduce((s, w, i) => s + w * USCC.indexOf(code[i] ?? ""), 0);
  const check = (31 - (sum % 31)) % 31;
  return code[17] === USCC[check];
}

/** 组织机构代码: 8 characters and a check digit (X for 10); also the 9th–17th characters of a USCC. */
function organisationCodeValid(code: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return false;
  const value = (c: string) => (c >= "0" && c <= "9" ? Number(c) : c.charCodeAt(0) - 55);
  const sum = ORG_WEIGHTS.reduce((s, w, i) => s + w * value(code[i] ?? "0"), 0);
  const check = 11 - (sum % 11);
  return code[8] === (check === 10 ? "X" : check === 11 ? "0" : String(check));
}

function identityCardValid(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return id[17] === ID_CHECK[sum % 11];
}

/** Upper-cased, spaces removed: how a taxpayer id is stored and printed. */
export function normalizeTaxId(text: string): string {
  return text.replace(/\s/g, "").toUpperCase();
}

export function isTaxpayerId(text: string): boolean {
  const id = normalizeTaxId(text);
  switch (id.length) {
    case 18:
      return usccValid(id);
    case 15:
      return /^\d{6}/.test(id) && organisationCodeValid(id.slice(6));
    case 17:
      return /^\d{17}$/.test(id);
    case 20:
      return identityCardValid(id.slice(0, 18)) && /^\d{2}$/.test(id.slice(18));
    default:
      return false;
  }
}
