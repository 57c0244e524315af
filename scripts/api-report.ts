/**
 * The package's public surface, as a text a review can read: every name each entry point in
 * package.json's `exports` gives, with its kind and type signature. `npm run api-report` writes
 * it to api-report.txt; `--check` (scripts/check.sh, so CI) fails when the surface changed and
 * the file wasn't regenerated, so a change to what users import shows in the pull request.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..");
export const REPORT_FILE = path.join(ROOT, "api-report.txt");

/** The entry points as package.json exports them: subpath and source file. */
function entryPoints(): [string, string][] {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; exports: Record<string, { source: string }> };
    return Object.entries(manifest.exports).map(([subpath, target]) => [path.posix.join(manifest.name, subpath), path.join(ROOT, target.source)]);
}

const FORMAT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope | ts.TypeFormatFlags.WriteArrowStyleSignature;

/** One exported name as a line (or a few): its kind and what a user sees of its type. */
function describe(checker: ts.TypeChecker, symbol: ts.Symbol): string[] {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const name = symbol.getName();
    const declaration = target.declarations?.[0];
    if (declaration === undefined) return [`${name}: (no declaration)`];
    const members = (type: ts.Type) => checker.getPropertiesOfType(type)
        .filter((p) => !(p.declarations?.[0] && ts.getCombinedModifierFlags(p.declarations[0]) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) && !p.getName().startsWith("__"))
        .map((p) => `    ${p.getName()}${p.flags & ts.SymbolFlags.Optional ? "?" : ""}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(p, declaration), undefined, FORMAT)}`)
        .sort();
    if (ts.isInterfaceDeclaration(declaration)) return [`interface ${name}`, ...members(checker.getDeclaredTypeOfSymbol(target))];
    if (ts.isTypeAliasDeclaration(declaration)) return [`type ${name} = ${checker.typeToString(checker.getDeclaredTypeOfSymbol(target), undefined, FORMAT)}`];
    if (ts.isClassDeclaration(declaration)) {
        const constructorType = checker.getTypeOfSymbolAtLocation(target, declaration);
        const constructors = constructorType.getConstructSignatures().map((s) => `    new${checker.signatureToString(s, undefined, FORMAT)}`);
        return [`class ${name}`, ...constructors, ...members(checker.getDeclaredTypeOfSymbol(target))];
    }
    if (ts.isEnumDeclaration(declaration)) return [`enum ${name}`];
    if (ts.isModuleDeclaration(declaration) || ts.isSourceFile(declaration) || ts.isNamespaceExport(declaration) || ts.isNamespaceImport(declaration)) {
        return [`namespace ${name}: ${checker.getExportsOfModule(target).map((e) => e.getName()).sort().join(", ")}`];
    }
    const type = checker.getTypeOfSymbolAtLocation(target, declaration);
    const kind = ts.isFunctionDeclaration(declaration) ? "function" : "const";
    return [`${kind} ${name}: ${checker.typeToString(type, undefined, FORMAT)}`];
}

/** The report's text. */
export function apiReport(): string {
    const entries = entryPoints();
    const program = ts.createProgram(entries.map(([, file]) => file), { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, skipLibCheck: true, noEmit: true });
    const checker = program.getTypeChecker();
    const lines = ["The public surface of aks-kubenet, by entry point (npm run api-report writes this file)."];
    for (const [subpath, file] of entries) {
        const source = program.getSourceFile(file);
        const moduleSymbol = source && checker.getSymbolAtLocation(source);
        if (!moduleSymbol) throw new Error(`${file}: not a module`);
        const exported = checker.getExportsOfModule(moduleSymbol).sort((a, b) => a.getName().localeCompare(b.getName()));
        lines.push("", `## ${subpath} (${exported.length} names)`, "");
        for (const symbol of exported) lines.push(...describe(checker, symbol));
    }
    // Paths in type names are the machine's: the report names them from the project root.
    return `${lines.join("\n").split(`${ROOT}/`).join("").split(ROOT).join(".")}\n`;
}

if (require.main === module) {
    const report = apiReport();
    if (process.argv.includes("--check")) {
        // CI: the committed report must be the surface the code has.
        const committed = fs.existsSync(REPORT_FILE) ? fs.readFileSync(REPORT_FILE, "utf8") : "";
        if (committed !== report) {
            const [was, is] = [committed.split("\n"), report.split("\n")];
            const changed = is.filter((line) => !was.includes(line)).slice(0, 10).map((line) => `+ ${line}`)
                .concat(was.filter((line) => !is.includes(line)).slice(0, 10).map((line) => `- ${line}`));
            console.error(`api-report.txt is not the package's public surface: run npm run api-report and review the change\n${changed.join("\n")}`);
            process.exit(1);
        }
        console.log("api-report.txt: the package's public surface");
    } else {
        fs.writeFileSync(REPORT_FILE, report);
        console.log(`wrote ${path.relative(process.cwd(), REPORT_FILE)}`);
    }
}
