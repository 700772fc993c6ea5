const path = require('path');
const { src, dest, parallel } = require('gulp');

// tsc emits JavaScript only; n8n also needs the icons and the codex (.node.json) files in dist/.
function copyIcons() {
	return src(['icons/**/*.svg'], { encoding: false }).pipe(dest(path.resolve('dist', 'icons')));
}

function copyCodexFiles() {
	return src(['nodes/**/*.node.json']).pipe(dest(path.resolve('dist', 'nodes')));
}

exports['build:assets'] = parallel(copyIcons, copyCodexFiles);
