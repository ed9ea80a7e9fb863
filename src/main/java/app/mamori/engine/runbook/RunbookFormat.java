package app.mamori.engine.runbook;

import java.util.List;

/** Writes the blocks as Markdown or as one self-contained, printable HTML page. */
public enum RunbookFormat {
    MD, HTML;

    public static RunbookFormat parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "md", "markdown" -> MD;
            case "html" -> HTML;
            default -> throw new IllegalArgumentException("--format: '" + s + "' is not one of html, md");
        };
    }

    String write(List<Block> blocks, String language, String title) {
        StringBuilder b = new StringBuilder();
        if (this == HTML) {
            b.append("<!DOCTYPE html>\n<html lang=\"").append(language).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<title>").append(esc(title)).append("</title>\n<style>\n")
                    .append("body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}")
                    .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #999;padding:.2em .5em;")
                    .append("text-align:left;vertical-align:top}pre{background:#f4f4f4;padding:.6em;white-space:pre-wrap;")
                    .append("word-break:break-all}h2{border-bottom:2px solid #333;page-break-before:auto}")
                    .append(".c{color:#555}@media print{pre{background:none;border:1px solid #999}}\n")
                    .append("</style>\n</head>\n<body>\n");
        }
        for (Block block : blocks) {
            if (this == MD) {
                md(b, block);
            } else {
                html(b, block);
            }
        }
        if (this == HTML) {
            b.append("</body>\n</html>\n");
        }
        return b.toString();
    }

    private static void md(StringBuilder b, Block block) {
        if (block instanceof Block.Heading h) {
            b.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
        } else if (block instanceof Block.Para p) {
            b.append(p.text()).append("\n\n");
        } else if (block instanceof Block.Bullets l) {
            int i = 1;
            for (String item : l.items()) {
                b.append(l.numbered() ? (i++) + ". " : "- ").append(item).append('\n');
            }
            b.append('\n');
        } else if (block instanceof Block.Table t) {
            b.append("| ").append(String.join(" | ", t.head().stream().map(RunbookFormat::cell).toList())).append(" |\n");
            b.append("|").append(" --- |".repeat(t.head().size())).append('\n');
            for (List<String> row : t.rows()) {
                b.append("| ").append(String.join(" | ", row.stream().map(RunbookFormat::cell).toList())).append(" |\n");
            }
            b.append('\n');
        } else if (block instanceof Block.Code c) {
            b.append("```sh\n");
            for (Runbook.Line line : c.lines()) {
                b.append("# ").append(line.comment()).append('\n');
                if (!line.command().isEmpty()) {
                    b.append(line.command()).append('\n');
                }
            }
            b.append("```\n\n");
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static void html(StringBuilder b, Block block) {
        if (block instanceof Block.Heading h) {
            b.append("<h").append(h.level()).append('>').append(esc(h.text())).append("</h").append(h.level())
                    .append(">\n");
        } else if (block instanceof Block.Para p) {
            b.append("<p>").append(esc(p.text())).append("</p>\n");
        } else if (block instanceof Block.Bullets l) {
            String tag = l.numbered() ? "ol" : "ul";
            b.append('<').append(tag).append(">\n");
            l.items().forEach(i -> b.append("<li>").append(esc(i)).append("</li>\n"));
            b.append("</").append(tag).append(">\n");
        } else if (block instanceof Block.Table t) {
            b.append("<table>\n<tr>");
            t.head().forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
            b.append("</tr>\n");
            for (List<String> row : t.rows()) {
                b.append("<tr>");
                row.forEach(c -> b.append("<td>").append(esc(c)).append("</td>"));
                b.append("</tr>\n");
            }
            b.append("</table>\n");
        } else if (block instanceof Block.Code c) {
            b.append("<pre><code>");
            for (Runbook.Line line : c.lines()) {
                b.append("<span class=\"c\"># ").append(plain(line.comment())).append("</span>\n");
                if (!line.command().isEmpty()) {
                    b.append(plain(line.command())).append('\n');
                }
            }
            b.append("</code></pre>\n");
        }
    }

    private static String plain(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Markdown's inline code marks, as the document writes them, become HTML's. */
    static String esc(String s) {
        String e = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return e.replaceAll("`([^`]+)`", "<code>$1</code>");
    }
}
