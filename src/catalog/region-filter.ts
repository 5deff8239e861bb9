/** The `--province` / `--year` filter shared by the exports and coverage: one SQL condition, one parameter set. */

/** Matches agencies (alias `a`) of a province given by name (or its prefix) or by a 2- or 6-digit code. */
export const PROVINCE_CONDITION = `(CAST(@province AS TEXT) IS NULL
  OR (CAST(@code AS TEXT) IS NOT NULL AND substr(a.division, 1, 2) = @code)
  OR (@code IS NULL AND a.province LIKE @province || '%'))`;

export function provinceParams(province: string | undefined): { province: string | null; code: string | null } {
  const p = province ?? null;
  return { province: p, code: p && /^\d{2}(\d{4})?$/.test(p) ? p.slice(0, 2) : null };
}
