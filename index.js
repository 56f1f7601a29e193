// Entry point for tools that require the package directly; n8n itself loads the files listed in
// package.json's "n8n" section.
const pkg = require('./package.json');
const path = require('path');

function load(file) {
	const exported = require(path.join(__dirname, file));
	return exported[Object.keys(exported)[0]];
}

module.exports = {
	credentials: Object.fromEntries(pkg.n8n.credentials.map((f) => [load(f).name, load(f)])),
	nodes: Object.fromEntries(pkg.n8n.nodes.map((f) => [load(f).name, load(f)])),
};
