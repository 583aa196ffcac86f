/** Who filed a real-name tip (实名举报). Lives in plaintext only inside the vault's `seal` and `open`. */
export interface ReporterIdentity {
  readonly name: string;
  readonly phone: string;
  readonly idNumber?: string;
}
