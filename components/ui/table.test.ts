import { createElement as h, Fragment, type TdHTMLAttributes } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table, Td, Th } from "@/components/ui/table";

/** Issue 19 item 2: on a phone each cell shows its column's heading, taken from the table's own header row. */
describe("Table on a phone: stacked rows, every cell labelled with its column", () => {
  const table = (phone?: "stack" | "scroll") =>
    renderToStaticMarkup(
      h(
        Table,
        { label: "Bill", phone, children: undefined },
        h("thead", null, h("tr", null, h(Th, null, "API"), h(Th, null, "Calls"), h(Th, { className: "text-right" }, h("span", { className: "sr-only" }, "Amount")))),
        [1, 2].map((n) =>
          h(
            "tbody",
            { key: n },
            h("tr", null, h(Td, null, `api-${n}`), h(Fragment, null, h(Td, null, "10")), h(Td, { "data-testid": "amount" } as TdHTMLAttributes<HTMLTableCellElement>, "¥1.00")),
            h("tr", null, h(Td, { colSpan: 3 }, "formula")),
          ),
        ),
        h("tfoot", null, h("tr", null, h(Td, { colSpan: 2 }, "Total"), h(Td, null, "¥2.00"))),
      ),
    );

  it("puts the heading on each body and footer cell, not on cells spanning columns", () => {
    const html = table();
    expect(html).toMatch(/<table [^>]*class="[^"]*\btable-stack"/);
    expect(html.match(/data-label="API"/g)).toHaveLength(2);
    expect(html.match(/data-label="Amount"/g)).toHaveLength(3);
    expect(html).toContain('data-testid="amount" data-label="Amount"');
    expect(html).not.toMatch(/colSpan="3" data-label|data-label="[^"]*" colSpan/);
    // The heading is an attribute shown by CSS: the cell's text is the value alone.
    expect(html).toContain(">¥1.00</td>");
  });

  it("labels cells inside a fragment by their column too", () => {
    expect(table().match(/data-label="Calls"/g)).toHaveLength(2);
  });

  it('leaves a table as it is with phone="scroll"', () => {
    const html = table("scroll");
    expect(html).not.toContain("data-label");
    expect(html).not.toContain("table-stack");
  });
});

// Screenshot review: a phone's card listed every column, four of eight lines "—".
describe("Td marks a cell with nothing in it", () => {
  const cell = (children: string | null, empty?: boolean) => renderToStaticMarkup(h("table", null, h("tbody", null, h("tr", null, h(Td, { empty }, children)))));

  it("when its text is a dash or nothing, or when told", () => {
    expect(cell("—")).toContain("data-empty");
    expect(cell(null)).toContain("data-empty");
    expect(cell("  ")).toContain("data-empty");
    expect(cell("¥1.00", true)).toContain("data-empty");
  });

  it("not when it shows a value, or when told it is not empty", () => {
    expect(cell("¥1.00")).not.toContain("data-empty");
    expect(cell("—", false)).not.toContain("data-empty");
  });
});
