import { Children, cloneElement, Fragment, isValidElement, type ReactElement, type ReactNode, type TdHTMLAttributes, type ThHTMLAttributes } from "react";

/**
 * A console data table, tabular numbers. When it is wider than the screen it scrolls inside its own
 * container, which is a named region reachable by keyboard (axe: scrollable-region-focusable), so the
 * page itself never scrolls sideways. It is `relative` so that screen-reader-only text (absolutely
 * positioned) inside a wide table is clipped with it instead of widening the page.
 *
 * On a phone (below 640 px, issue 19 item 2) a table is by default a list of stacked rows: each row a
 * block, each cell a line with its column's heading on the left and the value on the right
 * (`.table-stack` in app/globals.css), so an amount is never off-screen behind a sideways scroll.
 * The headings are taken from the table's own `<thead>`: every `Td` written in a body row of this
 * table gets its column's heading as `data-label` (shown by CSS, not in the DOM text), unless it spans
 * columns or names its own. Rows or cells drawn by another component are not seen here (a component
 * in a row counts as one column): give their cells a `data-label` yourself. The last row has no rule
 * under it: the card's edge closes the table (a rule there drew an empty band above the card's padding). `phone="scroll"` keeps the desktop table (for a table narrow enough for a phone).
 */
export function Table({ children, label, phone = "stack" }: { children: ReactNode; label: string; phone?: "stack" | "scroll" }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="relative -mx-5 overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-500">
      <table aria-label={label} className={`tabular w-full text-left text-sm [&>tbody:last-child>tr:last-child>td]:border-b-0 [&>tfoot>tr:last-child>td]:border-b-0 ${phone === "stack" ? "table-stack" : ""}`}>
        {phone === "stack" ? labelCells(children) : children}
      </table>
    </div>
  );
}

export function Th({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={`border-b border-line px-5 py-2 text-xs font-medium text-muted ${className}`} {...props} />;
}

/**
 * A body cell. `empty` (or a cell whose whole text is "—" or nothing) is marked `data-empty`: on a
 * phone's stacked card that line is left out (app/globals.css), so a card shows only what it has.
 */
export function Td({ className = "", empty, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { empty?: boolean }) {
  const blank = empty ?? isBlank(props.children);
  return <td className={`border-b border-line/70 px-5 py-2.5 align-top ${className}`} data-empty={blank ? "" : undefined} {...props} />;
}

function isBlank(children: ReactNode): boolean {
  if (children === null || children === undefined || children === false) return true;
  return typeof children === "string" && (children.trim() === "" || children.trim() === "—");
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="py-6 text-center text-sm text-muted">{children}</p>;
}

type Element = ReactElement<{ children?: ReactNode; colSpan?: number; "data-label"?: string }>;

/** The element children of a node, with fragments (and arrays) opened. */
function elementsOf(node: ReactNode): Element[] {
  return Children.toArray(node).flatMap((child) => {
    if (!isValidElement<{ children?: ReactNode }>(child)) return [];
    return child.type === Fragment ? elementsOf(child.props.children) : [child as Element];
  });
}

/** The text a heading shows (and says: screen-reader-only text counts). */
function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

function isCell(element: Element): boolean {
  return element.type === Td || element.type === Th || element.type === "td" || element.type === "th";
}

/** The heading of each column, from the first row of the `<thead>`. */
function columnLabels(children: ReactNode): string[] {
  const head = elementsOf(children).find((section) => section.type === "thead");
  const row = head ? elementsOf(head.props.children).find((r) => r.type === "tr") : undefined;
  if (!row) return [];
  return elementsOf(row.props.children)
    .filter(isCell)
    .flatMap((cell) => Array.from({ length: Number(cell.props.colSpan ?? 1) }, () => textOf(cell.props.children).trim()));
}

/** `Children.map` that goes into fragments (keeping them), in document order. */
function mapInto(children: ReactNode, visit: (child: ReactNode) => ReactNode): ReactNode {
  return Children.map(children, (child) =>
    isValidElement<{ children?: ReactNode }>(child) && child.type === Fragment ? cloneElement(child, {}, mapInto(child.props.children, visit)) : visit(child),
  );
}

function labelRow(row: Element, labels: string[]): Element {
  let column = 0;
  const cells = mapInto(row.props.children, (cell) => {
    if (!isValidElement(cell)) return cell;
    const element = cell as Element;
    const span = Number(element.props.colSpan ?? 1);
    const label = labels[column];
    column += span;
    // A component in a row draws one cell of its own (FreePackApiCell): it keeps its column, unlabelled.
    if (!isCell(element)) return element;
    if (element.type === Th || element.type === "th" || span > 1 || element.props["data-label"] !== undefined || !label) return element;
    return cloneElement(element, { "data-label": label });
  });
  return cloneElement(row, {}, cells);
}

/** Every body and footer cell written in this table, given its column's heading. */
function labelCells(children: ReactNode): ReactNode {
  const labels = columnLabels(children);
  if (labels.length === 0) return children;
  return Children.map(children, (section) => {
    if (!isValidElement(section)) return section;
    const element = section as Element;
    if (element.type !== "tbody" && element.type !== "tfoot") return section;
    const rows = mapInto(element.props.children, (row) => (isValidElement(row) && row.type === "tr" ? labelRow(row as Element, labels) : row));
    return cloneElement(element, {}, rows);
  });
}
