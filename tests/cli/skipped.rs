//! issue 24: commits that are not translation work — Lunaria's keywords and directives, PHP's
//! `[skip-revcheck]` — on the source's side (acknowledged) and the translation's (no new basis).

use crate::util::TestEnv;

const LUNARIA: &str = r#"{ "defaultLocale": { "lang": "en" }, "ignoreKeywords": ["i18nIgnore", "typo"] }"#;

/// Documents `a` and `b`, translated into French from their first version.
fn two_documents(env: &TestEnv) {
    env.write("corpus/a/en.md", "One.\n");
    env.write("corpus/a/fr.md", "Un.\n");
    env.write("corpus/b/en.md", "Bee.\n");
    env.write("corpus/b/fr.md", "Abeille.\n");
    env.commit("start");
}

/// [`two_documents`] with the project's Lunaria keywords, then `a`'s source changed by a commit
/// they skip: acknowledged, its translation is current.
fn acknowledged_change() -> TestEnv {
    let env = TestEnv::folder_layout();
    env.write("lunaria.config.json", LUNARIA);
    two_documents(&env);
    env.write("corpus/a/en.md", "ONE.\n");
    env.commit("[i18nIgnore] Match title case convention");
    assert_eq!(env.state_of("corpus/a/fr.md"), "current");
    env
}

#[test]
fn skipped_commits_on_both_sides_with_the_projects_lunaria_config() {
    // issue 24: "[i18nIgnore] Match title case convention" left five Starlight pages outdated
    // in stele and current in Lunaria; "remove outdated translations [i18nIgnore]" made
    // translations current that lacked sections.
    // Source side: a change made only by a skipped commit is acknowledged.
    let env = acknowledged_change();
    let log = env.stele(&["log", "corpus/a/en.md"]).ok().to_owned();
    let marked: Vec<&str> = log.lines().filter(|l| l.contains("(not translation work)")).collect();
    assert_eq!(marked.len(), 1, "{log}");
    assert!(marked[0].contains("Match title case"), "{log}");
    // Without the project's config the default rule (PHP's marker) does not skip it.
    env.remove("lunaria.config.json");
    assert_eq!(env.state_of("corpus/a/fr.md"), "outdated");
    env.write("lunaria.config.json", LUNARIA);

    // A real change, then a skipped one on top: the real one still needs translating.
    env.write("corpus/a/en.md", "ONE.\n\nTwo.\n");
    env.commit("Add a section");
    env.write("corpus/a/en.md", "ONE.\n\nTwo!\n");
    env.commit("Fix a typo");
    assert_eq!(env.state_of("corpus/a/fr.md"), "outdated");

    // Translation side: a skipped commit does not make the translation current.
    env.write("corpus/a/fr.md", "UN.\n");
    env.commit("i18n(fr): remove outdated translations [i18nIgnore]");
    let json = env.status_json(&[]);
    let fr = crate::util::translation(&json, "corpus/a/fr.md");
    assert_eq!(fr["state"], "outdated", "{fr}");
    // Its basis is still the first commit's.
    let first = env.git(&["rev-list", "--max-parents=0", "HEAD"]).trim().to_owned();
    assert_eq!(fr["history"]["translation"]["commit"], first.as_str(), "{fr}");
    // The translation made for real.
    env.write("corpus/a/fr.md", "UN.\n\nDeux.\n");
    env.commit("i18n(fr): translate the new section");
    assert_eq!(env.state_of("corpus/a/fr.md"), "current");

    // A directive names the files a commit is not translation work for.
    env.write("corpus/a/en.md", "ONE.\n\nTwo!\n\nThree.\n");
    env.write("corpus/b/en.md", "BEE.\n");
    env.commit("Rework\n\n@lunaria-ignore:corpus/b/**");
    assert_eq!(env.state_of("corpus/a/fr.md"), "outdated");
    assert_eq!(env.state_of("corpus/b/fr.md"), "current");
}

#[test]
fn keywords_are_whole_words_unless_the_config_says_substring() {
    // issue 24: "typo" inside "typographer" hid a 31-line addition in withastro/docs.
    let env = TestEnv::folder_layout();
    let config = env.read("stele.toml");
    env.write("stele.toml", &format!("{config}\n[history]\nskip = [\"typo\"]\n"));
    two_documents(&env);
    env.write("corpus/a/en.md", "One.\n\nA section on typographers.\n");
    env.commit("Explain typographers");
    assert_eq!(env.state_of("corpus/a/fr.md"), "outdated");
    env.write("stele.toml", &format!("{config}\n[history]\nskip = [\"typo\"]\nmatch = \"substring\"\n"));
    assert_eq!(env.state_of("corpus/a/fr.md"), "current");
    // A value it does not take is the configuration's one error form.
    env.write("stele.toml", &format!("{config}\n[history]\nmatch = \"regex\"\n"));
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.contains("stele.toml") && err.contains("regex"), "{err}");
}

#[test]
fn skip_revcheck_anywhere_in_the_message_by_default() {
    let env = TestEnv::folder_layout();
    two_documents(&env);
    env.write("corpus/a/en.md", "One. \n");
    env.commit("Whitespace\n\nNo change in meaning. [skip-revcheck]");
    assert_eq!(env.state_of("corpus/a/fr.md"), "current");
    // `[history]` with no keywords skips nothing.
    let config = env.read("stele.toml");
    env.write("stele.toml", &format!("{config}\n[history]\nskip = []\n"));
    assert_eq!(env.state_of("corpus/a/fr.md"), "outdated");
}

#[test]
fn a_malformed_lunaria_config_is_a_clear_error() {
    let env = TestEnv::folder_layout();
    two_documents(&env);
    env.write("lunaria.config.json", "{\n  \"ignoreKeywords\": [\"typo\",]\n}\n");
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.contains("lunaria.config.json, line 2"), "{err}");
    assert!(err.contains("cannot read Lunaria's configuration") && err.contains("[history]"), "{err}");
    env.write("lunaria.config.json", "{ \"ignoreKeywords\": \"typo\" }");
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.contains("lunaria.config.json") && err.contains("ignoreKeywords"), "{err}");
    let mut env = env;
    env.set_ui_lang("fr");
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.contains("n’est pas une liste de textes"), "{err}");
}

/// withastro/docs' `lunaria.config.ts` (Lunaria v1), cut down: a module, its configuration in
/// `defineConfig({…})`, the keywords under `tracking`.
const LUNARIA_V1: &str = r#"import { defineConfig } from '@lunariajs/core/config';

export default defineConfig({
	repository: { name: 'withastro/docs' },
	sourceLocale: { label: 'English', lang: 'en', parameters: { tag: 'en' } },
	locales: [
		{ label: 'Français', lang: 'fr', parameters: { tag: 'fr' } },
		{ label: 'Português do Brasil', lang: 'pt-br', parameters: { tag: 'pt-BR' } },
	],
	files: [
		{ include: ['src/content/i18n/en.yml'], pattern: 'src/content/i18n/@tag.yml', type: 'dictionary' },
		{ include: ['src/content/docs/en/**/*.(md|mdx)'], pattern: 'src/content/docs/@lang/@path', type: 'universal' },
	],
	tracking: {
		localizableProperty: 'i18nReady',
		ignoredKeywords: ['lunaria-ignore', 'typo', 'en-only', 'i18nIgnore'],
	},
});
"#;

/// An Astro docs site: pages in `src/content/docs/<lang>/`, the configuration above.
fn astro(env: &TestEnv) {
    env.write(
        "stele.toml",
        "source_lang = \"en\"\nlanguages = [\"fr\", \"pt-BR\"]\nlayout = \"src/content/docs/{lang}/{path}\"\n",
    );
    env.write("lunaria.config.ts", LUNARIA_V1);
    env.write("src/content/docs/en/ready.md", "---\ntitle: Ready\ni18nReady: true\n---\n\nOne.\n");
    env.write("src/content/docs/fr/ready.md", "---\ntitle: Prêt\ni18nReady: true\n---\n\nUn.\n");
    env.write("src/content/docs/en/draft.md", "---\ntitle: Draft\n---\n\nNot yet.\n");
    env.write("src/content/docs/fr/draft.md", "---\ntitle: Brouillon\n---\n\nPas encore.\n");
    env.write("src/content/docs/en/quoted.mdx", "---\ntitle: Quoted\ni18nReady: \"true\"\n---\n\nText.\n");
    env.write("src/content/docs/en/data.json", "{}\n");
    env.commit("start");
}

#[test]
fn lunaria_v1_config_ts_is_read_without_running_it() {
    // issue 24: withastro/docs uses Lunaria v1, whose configuration is a TypeScript module.
    let env = TestEnv::new();
    astro(&env);
    // Keywords are under `tracking`, matched in the subject as Lunaria does.
    env.write("src/content/docs/en/ready.md", "---\ntitle: Ready\ni18nReady: true\n---\n\nOne!\n");
    env.commit("Fix a typo");
    assert_eq!(env.state_of("src/content/docs/fr/ready.md"), "current");
    // The subject is git's: a keyword on the second line of the first paragraph counts.
    env.write("src/content/docs/en/ready.md", "---\ntitle: Ready\ni18nReady: true\n---\n\nOne!!\n");
    env.commit("Small fixes\nen-only: wording");
    assert_eq!(env.state_of("src/content/docs/fr/ready.md"), "current");
    env.write("src/content/docs/en/ready.md", "---\ntitle: Ready\ni18nReady: true\n---\n\nOne!!\n\nTwo.\n");
    env.commit("Add a section");
    assert_eq!(env.state_of("src/content/docs/fr/ready.md"), "outdated");
    // The same file as `.mjs`, `.js`: the first that exists is read, in Lunaria's order.
    env.remove("lunaria.config.ts");
    env.write("lunaria.config.mjs", &LUNARIA_V1.replace("'typo', ", ""));
    env.write("lunaria.config.js", "export default { tracking: { ignoredKeywords: ['typo'] } };\n");
    env.write("src/content/docs/en/ready.md", "---\ntitle: Ready\ni18nReady: true\n---\n\nOne!!\n\nTwo..\n");
    env.write("src/content/docs/fr/ready.md", "---\ntitle: Prêt\ni18nReady: true\n---\n\nUn!!\n\nDeux.\n");
    env.commit("i18n(fr): translate");
    assert_eq!(env.state_of("src/content/docs/fr/ready.md"), "current");
    env.write("src/content/docs/en/ready.md", "---\ntitle: Ready\ni18nReady: true\n---\n\nOne!!\n\nTwo.\n");
    env.commit("Fix a typo");
    assert_eq!(env.state_of("src/content/docs/fr/ready.md"), "outdated");
}

#[test]
fn pages_not_ready_for_translation_are_left_out_with_their_translations() {
    // issue 24: Lunaria v1's `localizableProperty`: a page whose front matter does not set it
    // to `true` (absent, or the text "true") has no status at all.
    let env = TestEnv::new();
    astro(&env);
    let json = env.status_json(&[]);
    let mut states = crate::util::states_of(&json);
    states.sort();
    assert_eq!(
        states,
        [
            ("src/content/docs/fr/data.json".to_owned(), "missing".to_owned()),
            ("src/content/docs/fr/ready.md".to_owned(), "current".to_owned()),
            ("src/content/docs/pt-BR/data.json".to_owned(), "missing".to_owned()),
            ("src/content/docs/pt-BR/ready.md".to_owned(), "missing".to_owned()),
        ]
    );
    // -v says how many were left out, -vv which.
    let out = env.stele(&["status", "-vv"]);
    assert!(
        out.stderr.contains("left out 2 pages of the corpus default whose front matter does not set i18nReady: true"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("left out src/content/docs/en/draft.md and its translations"), "{}", out.stderr);
    // stele.toml's own key wins; an empty one tracks every page.
    let config = env.read("stele.toml");
    env.write("stele.toml", &format!("{config}localizable_key = \"\"\n"));
    assert_eq!(env.state_of("src/content/docs/fr/draft.md"), "current");
    assert_eq!(env.state_of("src/content/docs/pt-BR/quoted.mdx"), "missing");
    env.write("stele.toml", &format!("{config}localizable_key = \"title\"\n"));
    // `title` is a text, not `true`: only the file that is not a page is left.
    assert_eq!(crate::util::states_of(&env.status_json(&[])).len(), 2);
}

#[test]
fn a_lunaria_config_ts_that_is_code_is_a_clear_error() {
    let env = TestEnv::new();
    astro(&env);
    env.write("lunaria.config.ts", &LUNARIA_V1.replace("'en-only', ", "...extra, "));
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(
        err.contains("lunaria.config.ts, line 16: Lunaria's configuration holds code, not a literal: ...extra"),
        "{err}"
    );
    assert!(err.contains("without running it"), "{err}");
    env.write("lunaria.config.ts", &LUNARIA_V1.replace("ignoredKeywords: [", "ignoredKeywords: ['a', 3, "));
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(
        err.contains(
            "lunaria.config.ts, line 16: “tracking.ignoredKeywords” in Lunaria's configuration is not a list of texts"
        ),
        "{err}"
    );
    env.write(
        "lunaria.config.ts",
        &LUNARIA_V1.replace("localizableProperty: 'i18nReady'", "localizableProperty: true"),
    );
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.contains("“tracking.localizableProperty”"), "{err}");
    env.write("lunaria.config.ts", "export default defineConfig({ tracking: { ignoredKeywords: ['a] } });\n");
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.contains("lunaria.config.ts, line 1: stele cannot read") && err.contains("column"), "{err}");
    // A [history] table and localizable_key in stele.toml: the file is not read at all.
    let config = env.read("stele.toml");
    env.write("stele.toml", &format!("{config}localizable_key = \"\"\n\n[history]\nskip = []\n"));
    env.stele(&["status"]).ok();
}

#[test]
fn init_takes_the_languages_from_a_lunaria_config() {
    let env = TestEnv::new();
    astro(&env);
    env.remove("stele.toml");
    env.write("src/content/docs/es/ready.md", "Listo.\n");
    let out = env.stele(&["init"]).ok().to_owned();
    assert!(out.contains("Took the languages from lunaria.config.ts"), "{out}");
    let written = env.read("stele.toml");
    // Lunaria's languages, not the folders' (es is not in the configuration).
    assert!(written.contains("languages = [\"fr\", \"pt-BR\"]"), "{written}");
    assert!(written.contains("layout = \"src/content/docs/{lang}/{path}\""), "{written}");
    assert!(written.contains("# Read from lunaria.config.ts at every run"), "{written}");
    assert!(!written.contains("[history]\n"), "{written}");
    assert_eq!(env.state_of("src/content/docs/fr/ready.md"), "current");
}

#[test]
fn a_page_moved_by_a_skipped_commit_keeps_its_history() {
    // issue 24, withastro/docs: "5.0.0 beta docs" moved pl/guides/deploy.mdx to
    // pl/guides/deploy/index.mdx, changing the English page, with `@lunaria-track:` naming the
    // English pages only: the Polish page was only moved, made from the English one as it was
    // before. Lunaria follows the move (`git log --follow`) and says outdated; so does stele.
    let env = TestEnv::folder_layout();
    env.write("lunaria.config.json", LUNARIA);
    let english = crate::util::ten_paragraphs();
    let french = english.replace("says something about", "dit quelque chose de");
    env.write("corpus/a/en.md", &english);
    env.write("corpus/a/fr.md", &french);
    env.write("corpus/c/en.md", &english.replace("topic", "subject"));
    env.write("corpus/c/fr.md", &french.replace("topic", "sujet"));
    env.commit("start");
    env.remove("corpus/a/en.md");
    env.remove("corpus/a/fr.md");
    env.write("corpus/b/en.md", &english.replace("Paragraph 10", "The last paragraph"));
    env.write("corpus/b/fr.md", &french);
    // A move that changes nothing: the translation is as current as before.
    env.remove("corpus/c/en.md");
    env.remove("corpus/c/fr.md");
    env.write("corpus/d/en.md", &english.replace("topic", "subject"));
    env.write("corpus/d/fr.md", &french.replace("topic", "sujet"));
    env.commit("Beta docs\n\n@lunaria-track:corpus/*/en.md");
    assert_eq!(env.state_of("corpus/b/fr.md"), "outdated");
    let first = env.git(&["rev-list", "--max-parents=0", "HEAD"]).trim().to_owned();
    let json = env.status_json(&[]);
    assert_eq!(crate::util::translation(&json, "corpus/b/fr.md")["history"]["translation"]["commit"], first.as_str());
    assert_eq!(env.state_of("corpus/d/fr.md"), "current");
    // "[i18nIgnore] Update backend guides…" moved the English and the French pages and changed
    // the English one: acknowledged under its old name, the French one stays current.
    env.remove("corpus/d/en.md");
    env.remove("corpus/d/fr.md");
    env.write("corpus/e/en.md", &english.replace("topic", "subject").replace("Paragraph 1 ", "Paragraph one "));
    env.write("corpus/e/fr.md", &french.replace("topic", "sujet"));
    env.commit("[i18nIgnore] Rename pages");
    assert_eq!(env.state_of("corpus/e/fr.md"), "current");
}

#[test]
fn what_a_skipped_commit_acknowledges_is_kept_between_runs() {
    // issue 27: withastro/docs' keywords skip the last commit of 88 English pages, and every
    // warm run walked history back from each (4 s of CPU against 0.1 s for `git status`).
    let env = acknowledged_change();
    let kept = env.read(".git/stele/acknowledged");
    let lines: Vec<&str> = kept.lines().collect();
    assert_eq!(lines[0], "stele-acknowledged 1", "{kept}");
    // The source's last commit, the rule, the version it acknowledges, the path.
    let first = env.git(&["rev-list", "--max-parents=0", "HEAD"]).trim().to_owned();
    let before = env.git(&["rev-parse", &format!("{first}:corpus/a/en.md")]).trim().to_owned();
    let head = env.git(&["rev-parse", "HEAD"]).trim().to_owned();
    let line = lines.iter().find(|l| l.ends_with("\tcorpus/a/en.md")).unwrap_or_else(|| panic!("{kept}"));
    assert!(line.starts_with(&head) && line.contains(&format!(" {before}\t")), "{kept}");
    // A warm run answers from it and does not write it again (a write replaces the file).
    let inode = || {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(env.root().join(".git/stele/acknowledged")).unwrap().ino()
    };
    let was = inode();
    assert_eq!(env.state_of("corpus/a/fr.md"), "current");
    assert_eq!(inode(), was);
    // Damaged (its checksum no longer verifies), it is not believed and is written again
    // (by a run that does not answer from a kept report: `.git/stele/snapshot-*`).
    env.write(".git/stele/acknowledged", &kept.replace(&before, &"0".repeat(40)));
    crate::cache::drop_kept_reports(&env);
    assert_eq!(env.state_of("corpus/a/fr.md"), "current");
    assert_eq!(env.read(".git/stele/acknowledged"), kept);
}
