//! Renamed sources: the orphans they leave say where the source went, `stele mv` moves a
//! document whole (keeping each translation exactly as current or outdated as it was), and the
//! corpus-wide `stele log` lists source changes, renames included.

use crate::errors::fails_cleanly;
use crate::util::{translation, TestEnv};

/// `content/{lang}/{path}`: about.md in en, fr, es; then the source and the Spanish change
/// together (French is left behind: outdated, judged by history).
fn site() -> TestEnv {
    let env = TestEnv::with_config("\"content/{lang}/{path}\"");
    env.write("content/en/about.md", "About us.\n\nWe are a small team.\n");
    env.write("content/fr/about.md", "À propos.\n\nNous sommes une petite équipe.\n");
    env.write("content/es/about.md", "Acerca.\n\nSomos un equipo pequeño.\n");
    env.commit("start");
    env.write("content/en/about.md", "About us.\n\nWe are a large team.\n");
    env.write("content/es/about.md", "Acerca.\n\nSomos un equipo grande.\n");
    env.commit("the source and the Spanish change");
    env
}

#[test]
fn a_renamed_source_leaves_orphans_that_say_where_it_went() {
    let env = site();
    env.git(&["mv", "content/en/about.md", "content/en/about-us.md"]);
    env.commit("rename");
    let json = env.status_json(&[]);
    let old = json["documents"].as_array().unwrap().iter().find(|d| d["id"] == "about.md").unwrap().clone();
    assert_eq!(old["source"]["renamed_to"], "content/en/about-us.md");
    assert_eq!(translation(&json, "content/fr/about.md")["state"], "orphan");
    let text = env.stele(&["status"]).ok().to_owned();
    assert!(
        text.contains("its source was renamed to content/en/about-us.md: `stele mv content/en/about.md content/en/about-us.md` moves it"),
        "{text}"
    );
    // diff no longer says the source version is not in the repository.
    let diff = env.stele(&["diff", "content/fr/about.md"]).ok().to_owned();
    assert!(diff.contains("was renamed to content/en/about-us.md"), "{diff}");
    assert!(!diff.contains("not in this repository"), "{diff}");
    // Paths in the hint work from where stele ran.
    let sub = env.stele_in(&env.root().join("content"), &["status"]).ok().to_owned();
    assert!(sub.contains("`stele mv en/about.md en/about-us.md`"), "{sub}");
    // Renamed twice: the name it has now.
    env.git(&["mv", "content/en/about-us.md", "content/en/team.md"]);
    env.commit("rename again");
    assert_eq!(
        env.status_json(&[])["documents"].as_array().unwrap().iter().find(|d| d["id"] == "about.md").unwrap()["source"]
            ["renamed_to"],
        "content/en/team.md"
    );
}

/// issue 28: after `git mv` of a source, staged and not committed yet, the orphans it leaves
/// say where it went and that `stele mv` moves them, as after a commit.
#[test]
fn a_staged_rename_says_stele_mv_too() {
    let env = site();
    env.git(&["mv", "content/en/about.md", "content/en/about-us.md"]);
    let text = env.stele(&["status"]).ok().to_owned();
    assert!(
        text.contains("its source was renamed to content/en/about-us.md: `stele mv content/en/about.md content/en/about-us.md` moves it"),
        "{text}"
    );
    let json = env.status_json(&[]);
    let old = json["documents"].as_array().unwrap().iter().find(|d| d["id"] == "about.md").unwrap().clone();
    assert_eq!(old["source"]["renamed_to"], "content/en/about-us.md");
    // And stele mv does it: the translations follow, each as current or outdated as it was.
    env.stele(&["mv", "content/en/about.md", "content/en/about-us.md"]).ok();
    assert_eq!(env.state_of("content/es/about-us.md"), "current");
    assert_eq!(env.state_of("content/fr/about-us.md"), "outdated");
    // A source deleted, not renamed, says nothing of a rename.
    let env = site();
    env.git(&["rm", "-q", "content/en/about.md"]);
    let text = env.stele(&["status"]).ok().to_owned();
    assert!(!text.contains("renamed") && text.contains("its source content/en/about.md does not exist"), "{text}");
}

#[test]
fn a_deleted_source_is_not_said_renamed() {
    let env = site();
    env.remove("content/en/about.md");
    env.write("content/en/other.md", "Something else entirely, unrelated to the team.\n");
    env.commit("delete");
    let json = env.status_json(&[]);
    let old = json["documents"].as_array().unwrap().iter().find(|d| d["id"] == "about.md").unwrap().clone();
    assert!(old["source"].get("renamed_to").is_none(), "{old}");
    let text = env.stele(&["status"]).ok().to_owned();
    assert!(text.contains("its source content/en/about.md does not exist"), "{text}");
}

#[test]
fn mv_after_git_mv_moves_the_translations_and_keeps_their_states() {
    let env = site();
    assert_eq!(env.state_of("content/fr/about.md"), "outdated");
    assert_eq!(env.state_of("content/es/about.md"), "current");
    env.git(&["mv", "content/en/about.md", "content/en/about-us.md"]);
    env.commit("rename");
    let out = env.stele(&["mv", "content/en/about.md", "content/en/about-us.md"]).ok().to_owned();
    assert!(out.contains("Moved content/fr/about.md → content/fr/about-us.md"), "{out}");
    assert!(!env.exists("content/fr/about.md") && env.exists("content/fr/about-us.md"));
    // The translations' text is all there, and each is as it was: fr outdated, es current,
    // before and after the move is committed.
    assert!(env.read("content/fr/about-us.md").contains("Nous sommes une petite équipe."));
    for _ in 0..2 {
        assert_eq!(env.state_of("content/fr/about-us.md"), "outdated");
        assert_eq!(env.state_of("content/es/about-us.md"), "current");
        env.commit("move the translations");
    }
    // The index followed, as with git mv.
    let staged = env.git(&["log", "-2", "--name-status", "--format="]);
    assert!(staged.contains("content/fr/about-us.md"), "{staged}");
    // What changed for the French is the paragraph it never caught up with.
    let diff = env.stele(&["diff", "content/fr/about-us.md"]).ok().to_owned();
    assert!(diff.contains("[-small-]{+large+}"), "{diff}");
}

#[test]
fn mv_moves_a_whole_document_and_refuses_before_touching_anything() {
    let env = site();
    env.write("content/fr/taken.md", "Déjà là.\n");
    env.commit("a French page of its own");
    fails_cleanly(&env, &["mv", "content/en/about.md", "content/en/taken.md"], &["content/fr/taken.md already exists"]);
    fails_cleanly(&env, &["mv", "content/fr/about.md", "content/en/b.md"], &["content/fr/about.md is not the source"]);
    fails_cleanly(&env, &["mv", "content/en/about.md", "content/fr/b.md"], &["content/fr/b.md is not where corpus"]);
    fails_cleanly(&env, &["mv", "content/en/about.md", "content/en/about.md"], &["already at content/en/about.md"]);
    let dry = env.stele(&["mv", "-n", "content/en/about.md", "content/en/team/about.md"]).ok().to_owned();
    assert!(dry.contains("Would move content/en/about.md → content/en/team/about.md"), "{dry}");
    assert!(env.exists("content/en/about.md"));
    env.stele(&["mv", "content/en/about.md", "content/en/team/about.md"]).ok();
    for lang in ["en", "fr", "es"] {
        assert!(
            env.exists(&format!("content/{lang}/team/about.md")) && !env.exists(&format!("content/{lang}/about.md"))
        );
    }
    assert_eq!(env.state_of("content/fr/team/about.md"), "outdated");
    assert_eq!(env.state_of("content/es/team/about.md"), "current");
    let status = env.git(&["status", "--short"]);
    assert!(status.contains("R  content/en/about.md -> content/en/team/about.md"), "{status}");
}

#[test]
fn mv_moves_sidecar_records_with_their_translations() {
    let env = TestEnv::with_config("\"docs/{lang}/{path}\"");
    env.write("docs/en/a.txt", "Plain text.\n");
    env.write("docs/fr/a.txt", "Texte brut.\n");
    env.commit("start");
    env.stele(&["mark", "docs/fr/a.txt"]).ok();
    assert!(env.exists("docs/fr/a.txt.stele"));
    env.commit("marked");
    env.stele(&["mv", "docs/en/a.txt", "docs/en/b.txt"]).ok();
    assert!(env.exists("docs/fr/b.txt.stele") && !env.exists("docs/fr/a.txt.stele"));
    assert_eq!(env.state_of("docs/fr/b.txt"), "current");
}

#[test]
fn corpus_wide_log_lists_source_changes_and_where_translations_stand() {
    let env = site();
    env.git(&["mv", "content/en/about.md", "content/en/about-us.md"]);
    env.commit("rename");
    let out = env.stele(&["log"]).ok().to_owned();
    assert!(out.starts_with("The latest 3 commits that changed sources"), "{out}");
    let rename = out.find("renamed  content/en/about.md → content/en/about-us.md").expect(&out);
    let change = out.find("changed  content/en/about.md").expect(&out);
    let added = out.find("added  content/en/about.md").expect(&out);
    assert!(rename < change && change < added, "newest first:\n{out}");
    assert!(out.contains("fr orphaned (content/fr/about.md)"), "{out}");
    // -n, -q.
    let one = env.stele(&["log", "-q", "-n", "1"]).ok().to_owned();
    assert_eq!(one.lines().count(), 1, "{one}");
    assert!(one.contains("rename"), "{one}");
    let json = env.stele(&["log", "--format", "json", "-n", "2"]).json();
    let commits = json["commits"].as_array().unwrap();
    assert_eq!(commits.len(), 2);
    let first = &commits[0]["sources"][0];
    assert_eq!((first["change"].as_str(), first["from"].as_str()), (Some("renamed"), Some("content/en/about.md")));
    assert_eq!(commits[1]["sources"][0]["translations"][0]["lang"], "fr");
    // A translation-only commit is not a source change.
    env.write("content/fr/about.md", "À propos !\n");
    env.commit("French only");
    let out = env.stele(&["log", "-q"]).ok().to_owned();
    assert!(!out.contains("French only"), "{out}");
}

#[cfg(unix)]
#[test]
fn mv_never_writes_outside_the_repository() {
    let env = site();
    let away = env.outside().join("away");
    std::fs::create_dir_all(&away).unwrap();
    std::os::unix::fs::symlink(&away, env.root().join("content/fr/linked")).unwrap();
    fails_cleanly(&env, &["mv", "content/en/about.md", "content/en/linked/about.md"], &["outside the repository"]);
    assert_eq!(std::fs::read_dir(&away).unwrap().count(), 0);
}
