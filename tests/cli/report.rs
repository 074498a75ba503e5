//! `stele report` (HTML, badges, banner data) and `status --format markdown`.
//!
//! The HTML report is opened in headless Chromium through chromedriver (WebDriver, spoken over
//! a plain TCP connection): the counts it shows are `status --format json`'s, its filters hide
//! and show rows, its outdated list shows the word diff, and the page makes no request.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::errors::fails_cleanly;
use crate::util::{have, states_of, ten_paragraphs, TestEnv};

/// A corpus with every state in two translation languages and a folder below the top level:
/// current (fr, es), outdated with one changed paragraph (fr), missing (es, and both in `sub/`),
/// orphaned (fr), unknown (es: a pin that is not an id).
fn every_state() -> TestEnv {
    let env = TestEnv::folder_layout();
    env.write("corpus/current/en.md", "The current source.\n");
    env.write("corpus/current/fr.md", "La source actuelle.\n");
    env.write("corpus/current/es.md", "La fuente actual.\n");
    env.write("corpus/stale/en.md", &ten_paragraphs());
    env.write("corpus/stale/fr.md", &ten_paragraphs().replace("Paragraph", "Paragraphe"));
    env.write("corpus/stale/es.md", "---\nstele-basis: not-an-id\n---\nUn párrafo.\n");
    env.write("corpus/sub/deep/en.md", "A source nobody translated yet, of some words.\n");
    env.write("corpus/gone/fr.md", "Une traduction sans source.\n");
    env.commit("start");
    env.stele(&["mark", "corpus/current/fr.md", "corpus/current/es.md", "corpus/stale/fr.md"]).ok();
    env.commit("translate");
    env.write("corpus/stale/en.md", &ten_paragraphs().replace("topic number 3", "subject number 3"));
    env.commit("edit the source");
    env
}

#[test]
fn the_generated_corpus_has_every_state() {
    let env = every_state();
    let got = states_of(&env.status_json(&[]));
    let want: Vec<(String, String)> = [
        ("corpus/current/es.md", "current"),
        ("corpus/current/fr.md", "current"),
        ("corpus/gone/fr.md", "orphan"),
        ("corpus/stale/es.md", "unknown"),
        ("corpus/stale/fr.md", "outdated"),
        ("corpus/sub/deep/es.md", "missing"),
        ("corpus/sub/deep/fr.md", "missing"),
    ]
    .iter()
    .map(|(p, s)| ((*p).to_owned(), (*s).to_owned()))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn markdown_summary() {
    let env = every_state();
    let out = env.stele(&["status", "--format", "markdown"]);
    insta::assert_snapshot!("markdown_summary", out.ok());
}

#[test]
fn markdown_summary_of_a_change() {
    let env = every_state();
    env.git(&["branch", "base"]);
    env.write("corpus/current/en.md", "The current source, changed by this pull request.\n");
    env.write("corpus/new/en.md", "A new page.\n");
    env.commit("a pull request");
    let out = env.stele(&["status", "--format", "markdown", "--changed-since", "base"]);
    insta::assert_snapshot!("markdown_summary_of_a_change", out.ok());
    // Long lists fold into <details>, with the blank line GitHub needs before Markdown inside.
    for i in 0..12 {
        env.write(&format!("corpus/many{i:02}/en.md"), "Another page.\n");
    }
    env.commit("many pages");
    let out = env.stele(&["status", "--format", "markdown", "--changed-since", "base"]);
    let text = out.ok();
    assert!(
        text.contains(
            "<details>\n<summary>This change leaves 28 translations to write or update</summary>\n\n| Language"
        ),
        "{text}"
    );
    assert!(text.contains("\n\n</details>"), "{text}");
    // A revision that does not exist is named.
    fails_cleanly(&env, &["status", "--format", "markdown", "--changed-since", "no-such-branch"], &["no-such-branch"]);
    // Only with Markdown.
    let err = env.stele(&["status", "--changed-since", "base"]).usage_error().to_owned();
    assert!(err.contains("--changed-since means nothing for `stele status --format text`"), "{err}");
}

#[test]
fn markdown_cannot_be_shaped_by_file_names() {
    let env = TestEnv::folder_layout();
    env.write("corpus/<img src=x onerror=alert(1)>|x`y/en.md", "Source.\n");
    env.commit("start");
    let out = env.stele(&["status", "--format", "markdown"]);
    let text = out.ok();
    // Inside a code span, `<img …>` is text (GitHub prints it as it is), and the pipe is escaped.
    assert!(text.contains("``corpus/<img src=x onerror=alert(1)>\\|x`y/fr.md``"), "{text}");
}

#[test]
fn badges_follow_the_shields_endpoint_schema() {
    let env = every_state();
    env.stele(&["report", "--badges", "badges"]).ok();
    assert!(!env.exists("stele-report.html"), "--badges alone writes no HTML");
    for (lang, message, color) in [("fr", "33%", "orange"), ("es", "33%", "orange")] {
        let text = env.read(&format!("badges/{lang}.json"));
        let badge: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(badge, json!({"schemaVersion": 1, "label": lang, "message": message, "color": color}), "{lang}");
        assert!(badge["schemaVersion"].is_u64() && badge["label"].is_string() && badge["message"].is_string());
        valid_badge(&env, &text);
    }
    // Rounded down: 2 of 3 current is 66%, never 67%; all current is 100%, brightgreen.
    env.stele(&["mark", "corpus/stale/fr.md"]).ok();
    env.remove("corpus/gone/fr.md");
    env.write("corpus/sub/deep/fr.md", "Une source.\n");
    env.stele(&["mark", "corpus/sub/deep/fr.md"]).ok();
    env.stele(&["report", "--badges", "badges", "-q"]).ok();
    let fr: Value = serde_json::from_str(&env.read("badges/fr.json")).unwrap();
    assert_eq!((fr["message"].as_str(), fr["color"].as_str()), (Some("100%"), Some("brightgreen")));
    let es: Value = serde_json::from_str(&env.read("badges/es.json")).unwrap();
    assert_eq!(es["message"], "33%");
}

/// issue 28: the report and badges merged corpora (the articles' fr badge said 25% while status
/// said 0.0%), and the history chart counted the messages corpus, written in en-US, as needing
/// `en`. A badge per corpus and language; a summary table per corpus; a chart line per corpus
/// and language, each counting only the documents its corpus translates into the language.
#[test]
fn corpora_are_not_merged_in_the_report_or_the_badges() {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        "[corpora.messages]\nkind = \"fluent\"\nsource_lang = \"en-US\"\nlanguages = [\"fr\"]\nlayout = \"locales/{lang}/{path}\"\n\n[corpora.articles]\nsource_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"corpus/{path}/{lang}.md\"\n\n[[corpora.articles.documents]]\npath = \"fr-*\"\nsource_lang = \"fr\"\n",
    );
    env.write("locales/en-US/app.ftl", "hello = Hello\n");
    env.write("locales/fr/app.ftl", "hello = Bonjour\n");
    env.write("corpus/a/en.md", "Alpha.\n");
    env.write("corpus/b/en.md", "Beta.\n");
    env.write("corpus/fr-c/fr.md", "Gamma.\n");
    env.write("corpus/fr-c/en.md", "Gamma en.\n");
    env.commit("start");
    env.stele(&["mark", "locales/fr/app.ftl", "corpus/fr-c/en.md"]).ok();
    env.commit("mark");
    env.stele(&["report", "--badges", "badges", "-q"]).ok();
    let badge = |path: &str| serde_json::from_str::<Value>(&env.read(path)).unwrap();
    assert_eq!(badge("badges/messages/fr.json")["message"], "100%");
    assert_eq!(badge("badges/articles/fr.json")["message"], "0%");
    assert_eq!(badge("badges/articles/fr.json")["label"], "articles fr");
    assert_eq!(badge("badges/articles/en.json")["message"], "100%");
    assert!(!env.exists("badges/fr.json") && !env.exists("badges/messages/en.json"));
    valid_badge(&env, &env.read("badges/articles/fr.json"));

    let html = env.stele(&["report", "-o", "-", "-q"]).ok().to_owned();
    assert!(html.contains("<h3>Corpus articles</h3>") && html.contains("<h3>Corpus messages</h3>"), "{html}");
    // The folder map: a row per corpus's folder.
    for row in ["articles: (top level)", "messages: (top level)"] {
        assert!(html.contains(&format!("<tr><th scope=\"row\">{row}</th>")), "{row}: {html}");
    }
    let table = &html[html.find("id=\"history-table\"").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    let head: Vec<&str> = table.split("<th scope=\"col\">").skip(3).map(|c| &c[..c.find("</th>").unwrap()]).collect();
    assert_eq!(head, ["fr (articles)", "en (articles)", "fr (messages)"], "{table}");
    let last = table.split("<tr>").nth(2).unwrap();
    let cells: Vec<&str> = last.split("<td>").skip(3).map(|c| &c[..c.find("</td>").unwrap()]).collect();
    // The French original only needs English; the messages need no English at all.
    assert_eq!(cells, ["0.0% (0/2)", "100.0% (1/1)", "100.0% (1/1)"], "{table}");
}

/// issue 28: numbers in the report were grouped two ways (520050 in the tables, 6,631 from the
/// script's `toLocaleString`): one grouping everywhere, the page's language's, and the script
/// is handed it.
#[test]
fn numbers_are_grouped_one_way_in_the_pages_language() {
    let env = TestEnv::folder_layout();
    env.write("corpus/long/en.md", &"word ".repeat(12_345));
    env.commit("a long source");
    let data_group = |html: &str| report_data(html)["text"]["group"].as_str().unwrap().to_owned();
    for (lang, grouped, separator) in
        [("en-US", "12,345", ","), ("fr", "12\u{202f}345", "\u{202f}"), ("es", "12.345", ".")]
    {
        let html = env.stele(&["--ui-lang", lang, "report", "-o", "-", "-q"]).ok().to_owned();
        let words = html.split("<td data-words=\"12345\">").nth(1).unwrap();
        assert!(words.starts_with(&format!("{grouped}</td>")), "{lang}: {}", &words[..40]);
        assert!(!html.replace("data-words=\"12345\"", "").contains(">12345<"), "{lang}: an ungrouped count");
        assert_eq!(data_group(&html), separator, "{lang}");
    }
    // Spanish leaves four digits alone (as CLDR says): 1234, not 1.234.
    env.write("corpus/long/en.md", &"word ".repeat(1234));
    let html = env.stele(&["--ui-lang", "es", "report", "-o", "-", "-q"]).ok().to_owned();
    assert!(html.contains("<td data-words=\"1234\">1234</td>"), "{html}");
    assert_eq!(report_data(&html)["text"]["groupMin"], 5);
}

/// Validates a badge against shields.io's endpoint schema (tests/data/shields), and shows the
/// schema refuses a badge shields would refuse.
fn valid_badge(env: &TestEnv, badge: &str) {
    if !have("python3", &["-c", "import jsonschema"]) {
        return;
    }
    let schema = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/shields/endpoint.schema.json");
    let script = "import json, sys, jsonschema\nschema = json.load(open(sys.argv[1]))\njsonschema.Draft7Validator(schema).validate(json.load(open(sys.argv[2])))\n";
    let file = env.outside().join("badge.json");
    let run = |text: &str| {
        std::fs::write(&file, text).unwrap();
        Command::new("python3").args(["-c", script, schema]).arg(&file).output().unwrap()
    };
    let out = run(badge);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for bad in [badge.replace("\"schemaVersion\":1", "\"schemaVersion\":\"1\""), badge.replace("{", "{\"extra\":1,")] {
        assert!(!run(&bad).status.success(), "the schema accepted {bad}");
    }
}

#[test]
fn banner_data_says_how_far_behind() {
    let env = every_state();
    // A second change to the source: two commits behind, since the first.
    env.write(
        "corpus/stale/en.md",
        &ten_paragraphs().replace("topic number 3", "subject number 3").replace("topic number 5", "theme 5"),
    );
    let edit_time: i64 = env.git(&["show", "-s", "--format=%ct", "HEAD"]).trim().parse().unwrap();
    env.commit("edit the source again");
    env.stele(&["report", "--banners", "site/data/stele.json"]).ok();
    let data: Value = serde_json::from_str(&env.read("site/data/stele.json")).unwrap();
    let stale = &data["corpus/stale/fr.md"];
    assert_eq!(stale["state"], "outdated");
    assert_eq!(stale["source"], "corpus/stale/en.md");
    assert_eq!(stale["basis"], "recorded");
    assert_eq!(stale["behind"], 2);
    assert_eq!(stale["since"], edit_time, "{stale}");
    let day = env.git(&["show", "-s", "--format=%cd", "--date=format-local:%Y-%m-%dT%H:%M:%SZ", "HEAD~1"]);
    assert_eq!(stale["since_date"], day.trim(), "{stale}");
    assert_eq!(data["corpus/current/fr.md"]["behind"], 0);
    assert_eq!(data["corpus/current/fr.md"]["state"], "current");
    assert_eq!(data["corpus/gone/fr.md"]["state"], "orphan");
    assert_eq!(data["corpus/stale/es.md"]["state"], "unknown");
    // issue 28: a missing translation has no page to show a banner on, and on tldr-pages they
    // were most of 57 MB: left out unless asked.
    assert!(data.get("corpus/sub/deep/es.md").is_none(), "{data}");
    let all = data.as_object().unwrap().len();
    env.stele(&["report", "--banners", "site/data/stele.json", "--banners-missing"]).ok();
    let data: Value = serde_json::from_str(&env.read("site/data/stele.json")).unwrap();
    assert_eq!(data["corpus/sub/deep/es.md"]["state"], "missing");
    let missing = data.as_object().unwrap().values().filter(|b| b["state"] == "missing").count();
    assert!(missing > 0);
    assert_eq!(data.as_object().unwrap().len(), all + missing);
    let err = env.stele(&["report", "-o", "r.html", "--banners-missing"]).usage_error().to_owned();
    assert!(err.contains("--banners-missing means nothing for `stele report`"), "{err}");
}

/// The href of every link, and every URL-bearing attribute, of an HTML text.
fn attributes(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect()
}

#[test]
fn the_report_is_one_self_contained_file() {
    let env = every_state();
    let out = env.stele(&["report", "-o", "out/report.html"]);
    assert!(out.ok().is_empty());
    assert!(out.stderr.contains("Report written to"), "{}", out.stderr);
    let html = env.read("out/report.html");
    assert!(html.contains("default-src 'none'"), "a Content-Security-Policy forbids every request");
    for attr in ["src", "srcset", "action", "xlink:href", "data", "poster"] {
        assert!(attributes(&html, attr).is_empty(), "{attr}= in the report");
    }
    assert!(!html.contains("<link") && !html.contains("@import") && !html.contains("url("));
    // Links go to the files, relative to the report: the orphan's in the page, the others in the
    // data the lists are drawn from (a path is its pattern's text around the document id).
    let hrefs = attributes(&html, "href");
    assert!(hrefs.contains(&"../corpus/gone/fr.md".to_owned()), "{hrefs:?}");
    assert!(hrefs.iter().all(|h| h.starts_with("../corpus/") || h.starts_with('#')), "{hrefs:?}");
    let data = report_data(&html);
    assert_eq!(data["root"], "../");
    assert_eq!(data["paths"][0], json!(["../corpus/", "/en.md"]));
    let ids: Vec<&str> = data["docs"].as_array().unwrap().iter().map(|d| d[0].as_str().unwrap()).collect();
    assert_eq!(ids, ["current", "gone", "stale", "sub/deep"]);
    // The inline diff of the stale paragraph, and the history.
    let diff = data["diffs"][0][0][0][3].to_string();
    assert!(diff.contains(r#"[1,"topic"],[2,"subject"]"#), "{diff}");
    assert!(html.contains("id=\"history-table\""));

    // A forge pattern: links to the commit's files on the forge.
    env.write(
        "stele.toml",
        &(env.read("stele.toml") + "\n[report]\nlink = \"https://forge.example/o/r/blob/{commit}/{path}\"\n"),
    );
    let html = env.stele(&["report", "-o", "-", "-q"]).ok().to_owned();
    let head = env.git(&["rev-parse", "HEAD"]).trim().to_owned();
    let hrefs = attributes(&html, "href");
    assert!(hrefs.contains(&format!("https://forge.example/o/r/blob/{head}/corpus/gone/fr.md")), "{hrefs:?}");
    let data = report_data(&html);
    assert_eq!(data["root"], format!("https://forge.example/o/r/blob/{head}/"));
    assert_eq!(data["paths"][0][0], format!("https://forge.example/o/r/blob/{head}/corpus/"));
}

/// The data the report's script draws its lists from.
fn report_data(html: &str) -> Value {
    let start = html.find("<script type=\"application/json\" id=\"report-data\">").unwrap();
    let rest = &html[start..];
    let body = &rest[rest.find('>').unwrap() + 1..rest.find("</script>").unwrap()];
    serde_json::from_str(body).unwrap()
}

#[test]
fn hostile_names_stay_text_in_the_report() {
    let env = TestEnv::folder_layout();
    env.write("corpus/<script>alert(1)<\u{2f}script>\"'/en.md", "Source.\n");
    env.write("corpus/a/en.md", "Source.\n");
    env.write("corpus/a/fr.md", "Traduction.\n");
    env.commit("start");
    let html = env.stele(&["report", "-o", "-", "--history", "3"]).ok().to_owned();
    assert_eq!(html.matches("<script").count(), 2, "only the report's own script and data");
    assert!(!html.contains("<script>alert"));
    let data = report_data(&html);
    assert_eq!(data["docs"][0][0], "<script>alert(1)</script>\"'");
}

#[test]
fn report_errors_write_nothing() {
    let env = every_state();
    env.write("badges", "a file, not a folder\n");
    fails_cleanly(&env, &["report", "-o", "badges/report.html"], &["badges/report.html"]);
    fails_cleanly(&env, &["report", "--badges", "badges"], &["badges"]);
    fails_cleanly(&env, &["report", "--banners", "corpus"], &["cannot write", "corpus"]);
    env.write("stele.toml", &(env.read("stele.toml") + "\n[report]\nlink = \"javascript:alert(1)//{path}\"\n"));
    fails_cleanly(&env, &["report"], &["stele.toml, line", "http://"]);
}

// --- The report in a browser -------------------------------------------------------------------

/// A chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start() -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let driver = Driver { child, port };
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return driver;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("chromedriver did not start");
    }

    /// One WebDriver request; the response's `value`.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        write!(
            s,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        )
        .unwrap();
        // Read by Content-Length (or chunks): chromedriver may keep the connection open.
        let mut raw = Vec::new();
        let mut buf = [0u8; 65536];
        let body = loop {
            let n = s.read(&mut buf).unwrap();
            raw.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&raw).into_owned();
            if let Some((head, body)) = text.split_once("\r\n\r\n") {
                let lower = head.to_ascii_lowercase();
                let length = lower
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse::<usize>().ok());
                let done = match length {
                    Some(len) => body.len() >= len,
                    None if lower.contains("transfer-encoding: chunked") => {
                        body.contains("\r\n0\r\n\r\n") || body.starts_with("0\r\n")
                    }
                    None => n == 0,
                };
                if done || n == 0 {
                    assert!(head.starts_with("HTTP/1.1 200"), "{method} {path}: {head}\n{body}");
                    break if length.is_none() && lower.contains("transfer-encoding: chunked") {
                        unchunk(body)
                    } else {
                        body.to_owned()
                    };
                }
            } else if n == 0 {
                panic!("{method} {path}: no response");
            }
        };
        let value: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
        value["value"].clone()
    }
}

fn unchunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&after[..n]);
        rest = &after[n + 2..];
    }
    out
}

fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let bytes: Vec<u8> = text.bytes().filter(|c| *c != b'=' && !c.is_ascii_whitespace()).map(value).collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, &v)| acc | (u32::from(v) << (18 - 6 * i)));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

struct Session<'d> {
    driver: &'d Driver,
    id: String,
}

impl Session<'_> {
    fn run(&self, script: &str) -> Value {
        self.driver.call(
            "POST",
            &format!("/session/{}/execute/sync", self.id),
            Some(json!({"script": script, "args": []})),
        )
    }

    fn click(&self, selector: &str) {
        let el = self.driver.call(
            "POST",
            &format!("/session/{}/element", self.id),
            Some(json!({"using": "css selector", "value": selector})),
        );
        let el = el.as_object().unwrap().values().next().unwrap().as_str().unwrap().to_owned();
        self.driver.call("POST", &format!("/session/{}/element/{el}/click", self.id), Some(json!({})));
    }

    /// A DevTools command, through chromedriver.
    fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.driver.call(
            "POST",
            &format!("/session/{}/goog/cdp/execute", self.id),
            Some(json!({"cmd": cmd, "params": params})),
        )
    }

    /// Runs axe-core (the accessibility engine, from npm) on the page: its violations, as
    /// "rule: how many elements".
    fn axe(&self, source: &str) -> Value {
        self.run(&format!("{source}\n;return null;"));
        self.driver.call(
            "POST",
            &format!("/session/{}/execute/async", self.id),
            Some(json!({"script": "const done = arguments[arguments.length - 1]; \
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.length)), e => done(String(e)));",
                "args": []})),
        )
    }

    fn visible_rows(&self) -> u64 {
        self.run("return [...document.querySelectorAll('#docs tbody tr')].filter(r => r.offsetParent !== null).length")
            .as_u64()
            .unwrap()
    }
}

/// axe-core's script, installed by .ci/run with `npm install -g axe-core`.
fn axe_source() -> Option<String> {
    let root = Command::new("npm").args(["root", "-g"]).output().ok()?;
    let file = Path::new(String::from_utf8_lossy(&root.stdout).trim()).join("axe-core/axe.min.js");
    match std::fs::read_to_string(&file) {
        Ok(source) => Some(source),
        Err(_) => {
            assert!(std::env::var_os("CI").is_none(), "axe-core is not installed (.ci/run installs it)");
            eprintln!("skipped: axe-core is not installed");
            None
        }
    }
}

fn output_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_report_in_a_browser() {
    if !have("chromedriver", &["--version"]) || !have("chromium", &["--version"]) {
        return;
    }
    let env = every_state();
    env.stele(&["report", "-o", "out/report.html"]).ok();
    let status = env.status_json(&[]);
    let report = env.root().join("out/report.html");

    let driver = Driver::start();
    let profile = tempfile::tempdir().unwrap();
    let caps = json!({"capabilities": {"alwaysMatch": {
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--window-size=1200,1800",
                     format!("--user-data-dir={}", profile.path().display())]
        },
        "goog:loggingPrefs": {"performance": "ALL", "browser": "ALL"}
    }}});
    let created = driver.call("POST", "/session", Some(caps));
    let session = Session { driver: &driver, id: created["sessionId"].as_str().unwrap().to_owned() };
    let url = format!("file://{}", report.display());
    driver.call("POST", &format!("/session/{}/url", session.id), Some(json!({"url": url})));

    // Counts per language: the summary table says what `status --format json` says.
    let table = session.run(
        "const out = {}; for (const tr of document.querySelectorAll('#summary-table tbody tr')) { \
           const row = {}; for (const td of tr.querySelectorAll('td[data-state]')) row[td.dataset.state] = +td.textContent; \
           out[tr.dataset.lang] = row; } return out;",
    );
    for (lang, summary) in status["summary"].as_object().unwrap() {
        for state in ["current", "outdated", "missing", "orphan", "unknown"] {
            assert_eq!(table[lang][state], summary[state], "{lang} {state}: {table}");
        }
    }

    // Filters. By default every translation that is not current shows.
    let docs = status["documents"].as_array().unwrap();
    let needing_work =
        docs.iter().flat_map(|d| d["translations"].as_array().unwrap()).filter(|t| t["state"] != "current").count()
            as u64;
    assert_eq!(session.visible_rows(), needing_work);
    let count = |lang: &str, state: &str| {
        docs.iter()
            .flat_map(|d| d["translations"].as_array().unwrap())
            .filter(|t| t["lang"] == lang && t["state"] == state)
            .count() as u64
    };
    // French, missing only: uncheck every state but missing (with clicks, as a person would).
    session.click("#f-lang option[value='0']");
    let fr = session.run("return document.querySelector('#f-lang').selectedOptions[0].textContent");
    assert_eq!(fr, "fr");
    for state in ["o", "r", "u"] {
        session.click(&format!("#filters input[value='{state}']"));
    }
    assert_eq!(session.visible_rows(), count("fr", "missing"));
    assert_eq!(count("fr", "missing"), 1);
    let shown = session.run("return document.querySelector('#f-count').textContent");
    assert_eq!(shown, "Translations shown: 1 of 1");
    let row = session.run("return [...document.querySelectorAll('#docs tbody tr td')].map(td => td.textContent)");
    assert_eq!(row, json!(["fr", "missing", "corpus/sub/deep/fr.md", "8"]));
    // The outdated list hides with its state, and shows again.
    let outdated_shown = "return document.querySelectorAll('#outdated-list > li').length";
    assert_eq!(session.run(outdated_shown), 0);
    session.click("#filters input[value='c']");
    session.click("#filters input[value='o']");
    assert_eq!(session.visible_rows(), count("fr", "missing") + count("fr", "current") + count("fr", "outdated"));
    assert_eq!(session.run(outdated_shown), 1);
    // A folder.
    session.click("#f-folder option[value='1']");
    assert_eq!(session.run("return document.querySelector('#f-folder').selectedOptions[0].textContent"), "sub");
    assert_eq!(session.visible_rows(), 1);
    session.click("#f-folder option[value='']");
    // The links go to the files.
    let href = session.run("return document.querySelector('#docs tbody a[href$=\"stale/fr.md\"]').href");
    assert_eq!(href, format!("file://{}", env.root().join("corpus/stale/fr.md").display()));

    // The outdated list shows the word diff of the stale paragraph.
    session.click("#outdated summary");
    let diff = session.run(
        "const d = document.querySelector('#outdated details'); \
         return {open: d.open, del: [...d.querySelectorAll('del')].map(e => e.textContent), \
                 ins: [...d.querySelectorAll('ins')].map(e => e.textContent), visible: d.querySelector('.wd').offsetHeight > 0}",
    );
    assert_eq!(diff, json!({"open": true, "del": ["topic"], "ins": ["subject"], "visible": true}));

    // Dark mode: the page follows the system's colours; print: the filters are not printed.
    session.cdp("Emulation.setEmulatedMedia", json!({"features": [{"name": "prefers-color-scheme", "value": "dark"}]}));
    let dark = session.run("return getComputedStyle(document.body).backgroundColor");
    assert_eq!(dark, "rgb(13, 17, 23)");
    // Accessibility, in dark and light colours: no violation axe-core can find (contrast, names
    // of controls, table headers, landmarks…).
    if let Some(axe) = axe_source() {
        assert_eq!(session.axe(&axe), json!([]), "dark");
        session.cdp(
            "Emulation.setEmulatedMedia",
            json!({"features": [{"name": "prefers-color-scheme", "value": "light"}]}),
        );
        assert_eq!(session.axe(&axe), json!([]), "light");
    }
    session.cdp("Emulation.setEmulatedMedia", json!({"media": "print"}));
    assert_eq!(session.run("return getComputedStyle(document.querySelector('#filters')).display"), "none");
    session.cdp("Emulation.setEmulatedMedia", json!({"media": ""}));
    assert_eq!(session.run("return getComputedStyle(document.body).backgroundColor"), "rgb(255, 255, 255)");

    let shot = driver.call("GET", &format!("/session/{}/screenshot", session.id), None);
    let png = base64(shot.as_str().unwrap());
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    std::fs::write(output_dir().join("report.png"), png).unwrap();

    // issue 28: on a phone (400 px wide) the page scrolled sideways and the chart's text was
    // a few pixels high. Nothing sticks out of the page (wide tables scroll in their own box),
    // and the chart's words are at least 11 px high.
    session.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": 400, "height": 900, "deviceScaleFactor": 1, "mobile": true}),
    );
    session.run("document.querySelectorAll('details').forEach(d => d.open = true); return null");
    let narrow = session.run(
        r#"const w = document.documentElement.clientWidth;
        // Inside a box that scrolls, an element may be wider: the box is what must fit.
        const out = [...document.querySelectorAll('body *')].filter(e => {
            if ((e.closest('.scroll') && !e.classList.contains('scroll')) || e.classList.contains('skip')) return false;
            const r = e.getBoundingClientRect();
            return r.width > 0 && (r.right > w + 0.5 || r.left < -0.5);
        }).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : ''));
        const svg = document.querySelector('#history svg').getBoundingClientRect();
        const texts = [...document.querySelectorAll('#history svg text')];
        const clipped = texts.filter(t => {
            const r = t.getBoundingClientRect();
            return r.left < svg.left - 0.5 || r.right > svg.right + 0.5 || r.top < svg.top - 0.5 || r.bottom > svg.bottom + 0.5;
        }).map(t => t.textContent);
        return {viewport: w, scroll: document.documentElement.scrollWidth, out: out.slice(0, 10),
                text: Math.min(...texts.map(t => t.getBoundingClientRect().height)), clipped, chart: svg.width};"#,
    );
    assert_eq!(narrow["viewport"], 400, "{narrow}");
    assert!(
        narrow["scroll"].as_f64().unwrap() <= 400.0 && narrow["out"] == json!([]),
        "the page scrolls sideways: {narrow}"
    );
    assert!(narrow["text"].as_f64().unwrap() >= 11.0, "the chart's text is too small: {narrow}");
    assert_eq!(narrow["clipped"], json!([]), "the chart's text is cut: {narrow}");
    assert!(narrow["chart"].as_f64().unwrap() >= 340.0, "{narrow}");
    let shot = driver.call("GET", &format!("/session/{}/screenshot", session.id), None);
    std::fs::write(output_dir().join("report-400.png"), base64(shot.as_str().unwrap())).unwrap();
    session.cdp("Emulation.clearDeviceMetricsOverride", json!({}));

    // No request left the page: the browser fetched the report and nothing else, and the
    // page itself lists no resource and no error.
    let log = driver.call("POST", &format!("/session/{}/se/log", session.id), Some(json!({"type": "performance"})));
    // (The browser's own new-tab page, before the report opens, loads chrome:// resources.)
    let mut from_report = Vec::new();
    for entry in log.as_array().unwrap() {
        let message: Value = serde_json::from_str(entry["message"].as_str().unwrap()).unwrap();
        if message["message"]["method"] == "Network.requestWillBeSent" {
            let params = &message["message"]["params"];
            let target = params["request"]["url"].as_str().unwrap().to_owned();
            assert!(!target.starts_with("http:") && !target.starts_with("https:"), "a request to {target}");
            if params["documentURL"] == url.as_str() {
                from_report.push(target);
            }
        }
    }
    assert_eq!(from_report, std::slice::from_ref(&url), "the report's document asked for more than itself");
    assert_eq!(session.run("return performance.getEntriesByType('resource').length"), 0);
    let console = driver.call("POST", &format!("/session/{}/se/log", session.id), Some(json!({"type": "browser"})));
    assert_eq!(console, json!([]), "the console has errors");
    driver.call("DELETE", &format!("/session/{}", session.id), None);
}

#[test]
fn the_history_chart_counts_translations_after_each_commit() {
    let env = TestEnv::folder_layout();
    env.write("corpus/a/en.md", "Alpha.\n");
    env.write("corpus/b/en.md", "Beta.\n");
    env.commit("two sources");
    env.write("corpus/a/fr.md", "Alpha fr.\n");
    env.commit("a in French");
    env.write("corpus/b/fr.md", "Beta fr.\n");
    env.write("corpus/b/es.md", "Beta es.\n");
    env.commit("b in French and Spanish");
    env.write("notes.txt", "Not in the corpus.\n");
    env.commit("outside the corpus");
    env.remove("corpus/a/fr.md");
    env.write("corpus/c/en.md", "Gamma.\n");
    env.commit("a's French removed, a third source");
    let html = env.stele(&["report", "-o", "-", "-q"]).ok().to_owned();
    let table = &html[html.find("id=\"history-table\"").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    // Newest first; the commit outside the corpus is not a point.
    let rows: Vec<Vec<String>> = table
        .split("<tr>")
        .skip(2)
        .map(|row| row.split("<td>").skip(3).map(|c| c[..c.find("</td>").unwrap()].to_owned()).collect())
        .collect();
    assert_eq!(
        rows,
        [
            ["33.3% (1/3)", "33.3% (1/3)"],
            ["100.0% (2/2)", "50.0% (1/2)"],
            ["50.0% (1/2)", "0.0% (0/2)"],
            ["0.0% (0/2)", "0.0% (0/2)"],
        ]
    );
    let points = env.stele(&["report", "-o", "-", "-q", "--history", "2"]).ok().matches("<tr><td><code>").count();
    assert_eq!(points, 2, "--history 2: two points");
}

/// The page's words come from Fluent: under the pseudo-locale, no plain English word of four
/// letters or more is left in its text, nor in the texts its script shows.
#[test]
fn the_report_speaks_the_users_language() {
    let env = every_state();
    let html = env.stele(&["--ui-lang", "qps-ploc", "report", "-o", "-"]).ok().to_owned();
    let mut text = html.clone();
    for (open, close) in [("<style>", "</style>"), ("<script>", "</script>"), ("<script type", "</script>")] {
        while let Some(a) = text.find(open) {
            let b = a + text[a..].find(close).unwrap() + close.len();
            text.replace_range(a..b, " ");
        }
    }
    let mut visible = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                visible.push(' ');
            }
            c if !in_tag => visible.push(c),
            _ => {}
        }
    }
    let data = report_data(&html);
    for value in data["text"].as_object().unwrap().values().chain(data["names"].as_object().unwrap().values()) {
        visible.push(' ');
        visible.push_str(&value.to_string());
    }
    // The script's placeholders ({n}, {total}, {path}, {from}, {to}) are not words.
    for placeholder in ["{n}", "{total}", "{path}", "{from}", "{to}"] {
        visible = visible.replace(placeholder, " ");
    }
    let english: Vec<&str> = visible
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 4)
        .filter(|w| !["stele", "corpus", "default", "stale", "current", "gone", "deep"].contains(w))
        .filter(|w| !w.chars().all(|c| c.is_ascii_hexdigit()))
        .collect();
    assert!(english.is_empty(), "English in the report: {english:?}");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"qps-ploc\">"));
}

#[test]
fn no_history_asked_no_chart_and_a_quiet_summary_is_the_table() {
    let env = every_state();
    let html = env.stele(&["report", "-o", "-", "--history", "0"]).ok().to_owned();
    assert!(!html.contains("id=\"history\"") && !html.contains("<svg"));
    let quiet = env.stele(&["status", "--format", "markdown", "-q"]).ok().to_owned();
    assert!(quiet.contains("| `fr` |") && !quiet.contains("need work"), "{quiet}");
}
