#!/bin/sh
# Builds Lunaria v1's @lunariajs/core, the tool withastro/docs runs (`pnpm lunaria:build`),
# into OUT. No 1.x is on npm: withastro/docs depends on a pkg.pr.new build of commit 722c34c
# of lunariajs/lunaria's `v1` branch; this builds the branch from a clone of that repository
# at the commit named (bb58040 was used: docs/performance.md), with the dependency versions
# withastro/docs' pnpm-lock.yaml pins for that build, and TypeScript as Lunaria's own lock
# pins it. The package's exports are those of packages/core/package.json.
#
#   sh build-lunaria-v1.sh LUNARIA_CLONE COMMIT OUT
#
# Needs node and npm (the registry, once). Nothing of Lunaria is kept in stele's repository.
set -eu
src=$1 commit=$2 out=$3
mkdir -p "$out"
git -C "$src" archive "$commit" packages/core/src | tar -x -C "$out" --strip-components=2
cd "$out"
cat > package.json <<'JSON'
{
  "name": "@lunariajs/core",
  "version": "0.1.1",
  "type": "module",
  "exports": {
    ".": { "default": "./dist/index.js" },
    "./utils": { "default": "./dist/utils/index.js" },
    "./config": { "default": "./dist/config/index.js" }
  },
  "dependencies": {
    "consola": "3.4.2", "jiti": "2.3.3", "js-yaml": "4.1.1", "neotraverse": "0.6.18",
    "p-all": "5.0.0", "path-to-regexp": "6.3.0", "picomatch": "4.0.4", "simple-git": "3.27.0",
    "tinyglobby": "0.2.16", "ultramatter": "0.0.4", "zod": "3.25.76"
  },
  "devDependencies": {
    "typescript": "5.5.4", "@types/node": "22.5.4", "@types/js-yaml": "4.0.9",
    "@types/picomatch": "3.0.1"
  }
}
JSON
cat > tsconfig.json <<'JSON'
{
  "include": ["src"],
  "compilerOptions": {
    "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
    "rootDir": "src", "outDir": "dist", "strict": true, "skipLibCheck": true
  }
}
JSON
npm install --no-audit --no-fund
npx tsc -p tsconfig.json
echo "built $(git -C "$src" rev-parse "$commit") into $out/dist"
