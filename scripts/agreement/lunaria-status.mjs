// Lunaria's status of every page, as withastro/docs' scripts/lunaria.mts computes it before
// rendering its dashboard (createLunaria, then getFullStatus), printed as JSON lines:
// {"path", "lang", "status"} per localization, status "up-to-date", "outdated" or "missing".
// Run in the project's checkout as `node lunaria-status.mjs CORE`, CORE the built
// @lunariajs/core (build-lunaria-v1.sh), which the project's lunaria.config.ts must also
// resolve (astro.py links it into the checkout's node_modules).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const core = resolve(process.argv[2], 'dist', 'index.js');
const { createLunaria } = await import(pathToFileURL(core).href);

const lunaria = await createLunaria();
const status = await lunaria.getFullStatus();
const out = [];
for (const entry of status) {
	// Lunaria fills arrays made with `new Array(n)` by push: skip the holes.
	if (!entry) continue;
	for (const l of entry.localizations) {
		if (l) out.push(JSON.stringify({ source: entry.source.path, path: l.path, lang: l.lang, status: l.status }));
	}
}
process.stdout.write(out.join('\n') + '\n');
