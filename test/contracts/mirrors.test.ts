/**
 * The copies in mirrors.ts are the node's own declarations: for each, the node file holds an
 * interface of that name with the same members, or (inline types) the same type literal, comments
 * and layout aside. When a node changes the shape it reads an answer into, this fails until the copy
 * follows, and the contract checks (tsc -p tsconfig.test.json) then judge the new shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

import { MIRRORS } from './mirrors';

const root = join(__dirname, '..', '..');
const printer = ts.createPrinter({ removeComments: true });

function parse(file: string): ts.SourceFile {
	return ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

/** The node printed without comments, whitespace squeezed: what two declarations must share. */
function canonical(node: ts.Node, source: ts.SourceFile): string {
	return printer.printNode(ts.EmitHint.Unspecified, node, source).replace(/\s+/g, ' ').replace(/;\s*}/g, ' }').trim();
}

function all(source: ts.SourceFile, pick: (node: ts.Node) => boolean): ts.Node[] {
	const found: ts.Node[] = [];
	const visit = (node: ts.Node) => {
		if (pick(node)) found.push(node);
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

const mirrorSource = parse('test/contracts/mirrors.ts');

/** The mirror's members (interface) or its type literal (inline), canonical. */
function mirrorOf(name: string, kind: 'interface' | 'inline'): string {
	const [declaration] = all(mirrorSource, (n) => (ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) && n.name.text === name);
	if (!declaration) throw new Error(`mirrors.ts declares no ${name}`);
	if (kind === 'interface' && ts.isInterfaceDeclaration(declaration)) return declaration.members.map((m) => canonical(m, mirrorSource)).join(' | ');
	if (kind === 'inline' && ts.isTypeAliasDeclaration(declaration)) return canonical(declaration.type, mirrorSource);
	throw new Error(`${name} in mirrors.ts is not declared as ${kind === 'interface' ? 'an interface' : 'a type alias'}`);
}

describe('mirrors.ts copies the shapes nodes/ reads answers into', () => {
	it.each(MIRRORS)('$name is $file’s own ($kind)', ({ name, file, kind }) => {
		const source = parse(file);
		const mirror = mirrorOf(name, kind);
		if (kind === 'interface') {
			const declared = all(source, (n) => ts.isInterfaceDeclaration(n) && n.name.text === name) as ts.InterfaceDeclaration[];
			expect(declared).toHaveLength(1);
			expect(declared[0].members.map((m) => canonical(m, source)).join(' | ')).toBe(mirror);
		} else {
			const literals = all(source, ts.isTypeLiteralNode).map((n) => canonical(n, source));
			expect(literals).toContain(mirror);
		}
	});
});
