// sitegen search: runs in the browser over the index the build wrote into search/.
// Index files are scripts that call window.SiteGenSearch, loaded with <script> elements,
// so search works from file:// as well as from any static host, with no server and no fetch.
// Results are built with DOM calls and textContent only: nothing from the index is parsed as HTML.
(function () {
  "use strict";

  var script = document.currentScript;
  var root = script ? script.src.replace(/assets\/search\.js(\?.*)?$/, "") : "";
  var manifest = null;
  var shards = {};    // term shard number -> its terms
  var pageFiles = {}; // page file number -> the pages it holds
  var rests = {};     // term shard number -> the postings its terms have beyond the shard's
  var keywordFiles = {}; // keyword file number -> its pages' keywords, as written
  var keywordsDecoded = {}; // page number -> its keywords: term number -> score
  var waiting = {};

  // The words shown to readers come from the theme's strings, which the build writes into the
  // index manifest, so only readers who search download them ({query}, {count}, {word} are filled in here).
  function say(name, values) {
    var text = (manifest && manifest.words && manifest.words[name]) || "";
    return text.replace(/\{(\w+)\}/g, function (whole, key) { return values && key in values ? String(values[key]) : whole; });
  }

  function counted(name, count, query) {
    return say(name + (count === 1 ? "One" : "Other"), { count: count, query: query });
  }

  // ---- Loading index files -------------------------------------------------------------

  function load(path, store, key) {
    if (store[key] !== undefined) return Promise.resolve(store[key]);
    if (waiting[path]) return waiting[path].promise;
    var entry = {};
    entry.promise = new Promise(function (resolve) {
      entry.resolve = resolve;
      var element = document.createElement("script");
      element.src = root + path;
      element.async = true;
      element.onerror = function () { store[key] = null; resolve(null); };
      document.head.appendChild(element);
    });
    waiting[path] = entry;
    return entry.promise;
  }

  function settle(path, store, key, value) {
    store[key] = value;
    if (waiting[path]) waiting[path].resolve(value);
  }

  window.SiteGenSearch = {
    manifest: function (data) {
      data.shards = data.shards.length > 0 ? data.shards.split(" ") : [];
      manifest = data;
      settle("search/index.js", {}, "manifest", data);
    },
    shard: function (number, data) { settle("search/t/" + number + ".js", shards, number, data); },
    pages: function (number, data) { settle("search/p/" + number + ".js", pageFiles, number, data); },
    rest: function (number, data) { settle("search/r/" + number + ".js", rests, number, data); },
    keywords: function (number, data) { settle("search/k/" + number + ".js", keywordFiles, number, data); }
  };

  var manifestStore = {};
  function loadManifest() {
    if (manifest) return Promise.resolve(manifest);
    return load("search/index.js", manifestStore, "manifest");
  }

  function loadShard(number) {
    if (!manifest || !(number >= 0 && number < manifest.shards.length)) return Promise.resolve(null);
    return load("search/t/" + number + ".js", shards, number);
  }

  function loadRest(number) {
    return load("search/r/" + number + ".js", rests, number);
  }

  function loadKeywords(id) {
    var file = Math.floor(id / manifest.pagesPerKeywordFile);
    return load("search/k/" + file + ".js", keywordFiles, file);
  }

  // A page's keywords (generator/Search/KeywordCode.cs): its best score, then per keyword the
  // distance from the previous term number and its score in 31 steps of the best (KeywordCode.Steps).
  function keywordsOf(id) {
    if (keywordsDecoded[id]) return keywordsDecoded[id];
    var file = keywordFiles[Math.floor(id / manifest.pagesPerKeywordFile)];
    var code = file ? file[id % manifest.pagesPerKeywordFile] || "" : "";
    var numbers = decodeNumbers(code), keywords = {}, term = 0;
    for (var i = 1; i + 1 < numbers.length; i += 2) {
      term += numbers[i];
      keywords[term] = numbers[0] * numbers[i + 1] / 31;
    }
    return (keywordsDecoded[id] = keywords);
  }

  // Postings come as a short string (generator/Search/PostingCode.cs): per posting, the page's
  // distance from the previous one, the section and the score, each in 5-bit groups, one
  // character per group, the upper half of the alphabet meaning "more follow".
  var CODE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var CODE_VALUE = {};
  for (var c = 0; c < CODE.length; c++) CODE_VALUE[CODE[c]] = c;

  function decodeNumbers(code) {
    var out = [], at = 0;
    while (at < code.length) {
      var value = 0, shift = 0, digit;
      do { digit = CODE_VALUE[code[at++]]; value += (digit & 31) * Math.pow(2, shift); shift += 5; } while (digit >= 32);
      out.push(value);
    }
    return out;
  }

  function decodePostings(code) {
    var out = decodeNumbers(code);
    for (var i = 3; i < out.length; i += 3) out[i] += out[i - 3]; // page distances to page numbers
    return out;
  }

  // A term's postings: the shard's, decoded once, and the rest file's when it has been loaded.
  function postingsOf(key, entryStem, entry) {
    if (!entry.decoded) entry.decoded = decodePostings(entry[1]);
    var rest = rests[key] && rests[key][entryStem];
    if (!rest) return entry.decoded;
    if (!entry.whole) entry.whole = entry.decoded.concat(decodePostings(rest));
    return entry.whole;
  }

  // Pages share files: page N is entry N % pagesPerFile of file N / pagesPerFile.
  function loadPage(id) {
    var file = Math.floor(id / manifest.pagesPerFile);
    return load("search/p/" + file + ".js", pageFiles, file);
  }

  function pageRecord(id) {
    var file = pageFiles[Math.floor(id / manifest.pagesPerFile)];
    return file ? file[id % manifest.pagesPerFile] : undefined;
  }

  // ---- Text: the same folding, words, stop words and suffix rules as the build ----------

  function fold(text) {
    return text.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase();
  }

  function words(text) {
    return fold(text).split(/[^\p{L}\p{Nd}]+/u).filter(function (w) { return w.length > 0; });
  }

  // Words worth indexing: not stop words, and at least two characters. Words with digits
  // (NCT03395314, CG78, 988) are kept whole and are not stemmed.
  function indexed(word) {
    return word.length >= 2 && manifest.stop.indexOf(word) < 0;
  }

  function stem(word) {
    return /\d/.test(word) ? word : englishStem(word);
  }

  // The Snowball English ("Porter2") stemmer, the same algorithm as generator/Search/EnglishStemmer.cs,
  // step for step; the tests hold both to Snowball's reference vocabulary.
  var EXCEPTIONS = { skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl",
    ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe", atlas: "atlas",
    cosmos: "cosmos", bias: "bias", andes: "andes" };
  var AFTER_STEP_1A = ["inning", "outing", "canning", "herring", "earring", "evening", "proceed", "exceed", "succeed"];
  var R1_PREFIXES = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"];
  var STEP_2 = [["ization", "ize"], ["ational", "ate"], ["fulness", "ful"], ["ousness", "ous"], ["iveness", "ive"],
    ["tional", "tion"], ["biliti", "ble"], ["lessli", "less"], ["entli", "ent"], ["ogist", "og"], ["ation", "ate"], ["alism", "al"],
    ["aliti", "al"], ["ousli", "ous"], ["iviti", "ive"], ["fulli", "ful"], ["enci", "ence"], ["anci", "ance"],
    ["abli", "able"], ["izer", "ize"], ["ator", "ate"], ["alli", "al"], ["bli", "ble"], ["ogi", "og"], ["li", ""]];
  var STEP_3 = [["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"], ["ative", ""],
    ["ical", "ic"], ["ness", ""], ["ful", ""]];
  var STEP_4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic"];

  function isVowel(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y"; }
  function endsWith(s, suffix) { return s.length >= suffix.length && s.slice(s.length - suffix.length) === suffix; }
  function hasVowel(s, from, to) { for (var i = from; i < to; i++) if (isVowel(s[i])) return true; return false; }

  function regions(s) {
    var r1 = s.length, i;
    var prefix = R1_PREFIXES.filter(function (p) { return s.indexOf(p) === 0; })[0];
    if (prefix) r1 = prefix.length;
    else for (i = 1; i < s.length; i++) if (!isVowel(s[i]) && isVowel(s[i - 1])) { r1 = i + 1; break; }
    var r2 = s.length;
    for (i = r1 + 1; i < s.length; i++) if (!isVowel(s[i]) && isVowel(s[i - 1])) { r2 = i + 1; break; }
    return [r1, r2];
  }

  function endsWithDouble(s) {
    var c = s[s.length - 1];
    return s.length >= 2 && c === s[s.length - 2] && "bdfgmnprt".indexOf(c) >= 0;
  }

  function endsWithShortSyllable(s) {
    if (s.length === 2) return isVowel(s[0]) && !isVowel(s[1]);
    if (s.length < 3) return false;
    var a = s[s.length - 3], b = s[s.length - 2], c = s[s.length - 1];
    return !isVowel(a) && isVowel(b) && !isVowel(c) && c !== "w" && c !== "x" && c !== "Y";
  }

  function englishStem(word) {
    if (word.length <= 2) return word;
    if (word[0] === "'") word = word.slice(1);
    if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, word)) return EXCEPTIONS[word];
    var s = "", i;
    for (i = 0; i < word.length; i++) s += word[i] === "y" && (i === 0 || isVowel(s[i - 1])) ? "Y" : word[i];
    var r = regions(s), r1 = r[0], r2 = r[1];

    var apostrophes = ["'s'", "'s", "'"];
    for (i = 0; i < apostrophes.length; i++) if (endsWith(s, apostrophes[i])) { s = s.slice(0, s.length - apostrophes[i].length); break; }

    if (endsWith(s, "sses")) s = s.slice(0, -2);
    else if (endsWith(s, "ied") || endsWith(s, "ies")) s = s.length > 4 ? s.slice(0, -2) : s.slice(0, -1);
    else if (endsWith(s, "us") || endsWith(s, "ss")) { /* kept */ }
    else if (endsWith(s, "s") && s.length >= 2 && hasVowel(s, 0, s.length - 2)) s = s.slice(0, -1);

    if (AFTER_STEP_1A.indexOf(s) >= 0) return s;

    var step1b = ["eedly", "ingly", "edly", "eed", "ing", "ed"].filter(function (x) { return endsWith(s, x); })[0];
    if (step1b === "eed" || step1b === "eedly") {
      if (s.length - step1b.length >= r1) s = s.slice(0, s.length - step1b.length) + "ee";
    } else if (step1b && hasVowel(s, 0, s.length - step1b.length)) {
      s = s.slice(0, s.length - step1b.length);
      if ((step1b === "ing" || step1b === "ingly") && s.length === 2 && !isVowel(s[0]) && s[1] === "y") s = s[0] + "ie";
      else if (endsWith(s, "at") || endsWith(s, "bl") || endsWith(s, "iz")) s += "e";
      else if (endsWithDouble(s)) { if (!(s.length === 3 && isVowel(s[0]))) s = s.slice(0, -1); }
      else if ((r1 >= s.length && endsWithShortSyllable(s)) || s === "past") s += "e";
    }

    if (s.length > 2 && (s[s.length - 1] === "y" || s[s.length - 1] === "Y") && !isVowel(s[s.length - 2])) s = s.slice(0, -1) + "i";

    var start;
    for (i = 0; i < STEP_2.length; i++) {
      if (!endsWith(s, STEP_2[i][0])) continue;
      start = s.length - STEP_2[i][0].length;
      if (start >= r1) {
        if (STEP_2[i][0] === "ogi") { if (start > 0 && s[start - 1] === "l") s = s.slice(0, start) + STEP_2[i][1]; }
        else if (STEP_2[i][0] === "li") { if (start > 0 && "cdeghkmnrt".indexOf(s[start - 1]) >= 0) s = s.slice(0, start); }
        else s = s.slice(0, start) + STEP_2[i][1];
      }
      break;
    }
    for (i = 0; i < STEP_3.length; i++) {
      if (!endsWith(s, STEP_3[i][0])) continue;
      start = s.length - STEP_3[i][0].length;
      if (start >= r1 && (STEP_3[i][0] !== "ative" || start >= r2)) s = s.slice(0, start) + STEP_3[i][1];
      break;
    }
    for (i = 0; i < STEP_4.length; i++) {
      if (!endsWith(s, STEP_4[i])) continue;
      start = s.length - STEP_4[i].length;
      if (start >= r2 && (STEP_4[i] !== "ion" || (start > 0 && (s[start - 1] === "s" || s[start - 1] === "t")))) s = s.slice(0, start);
      break;
    }
    if (endsWith(s, "e")) {
      start = s.length - 1;
      if (s !== "paste" && (start >= r2 || (start >= r1 && !endsWithShortSyllable(s.slice(0, start))))) s = s.slice(0, start);
    } else if (endsWith(s, "l") && s.length - 1 >= r2 && s.length >= 2 && s[s.length - 2] === "l") s = s.slice(0, -1);
    return s.replace(/Y/g, "y");
  }

  // The shard that holds a stem: the last one whose first stem is not after it. Shards are runs
  // of terms in the build's ordinal order, which is JavaScript's string order too.
  function shardOf(stem) {
    var firsts = manifest.shards, low = 0, high = firsts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (firsts[middle] <= stem) low = middle; else high = middle - 1;
    }
    return low;
  }

  // Edits between two words, a swap of neighbouring letters counting as one ("dsisociation" is
  // one edit from "dissociation", as a typist would count it).
  function distance(a, b) {
    var rows = [], i, j;
    for (i = 0; i <= a.length; i++) rows[i] = [i];
    for (j = 0; j <= b.length; j++) rows[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
    return rows[a.length][b.length];
  }

  // Words with digits (a registry number, a phone number) are matched whole or by prefix, never as a typo.
  function typoLimit(word) { return /\d/.test(word) ? 0 : word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0; }

  // Adds an item to a list unless it is there already (lists of shards, pages and words stay short).
  function addOnce(list, item) { if (list.indexOf(item) < 0) list.push(item); }

  // The shards a word's entries live in: those of its stem and of the word as typed, and the
  // next one if its terms begin with the word, for matches as you type. One, not all: a short
  // prefix on a large site spans dozens of shards, and a first search must stay small.
  function keysOf(term) {
    var keys = [shardOf(stem(term))];
    var own = shardOf(term), next = own + 1;
    addOnce(keys, own);
    if (next < manifest.shards.length && manifest.shards[next].indexOf(term) === 0) addOnce(keys, next);
    return keys;
  }

  // Shards a misspelt word may belong in: a typo in its first letters can move it to another
  // shard, so try the shards of the spellings one edit (dropped, swapped, changed or added
  // letter) away in its first four letters, the later letters first, at most a couple of dozen.
  var neighbourShards = 24;
  function neighbourKeys(term) {
    var head = term.slice(0, 4), tail = term.slice(4);
    var letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    var keys = [];
    function add(variant) {
      var key = shardOf(variant + tail);
      if (keys.length < neighbourShards) addOnce(keys, key);
    }
    for (var i = head.length - 1; i >= 0; i--) {
      add(head.slice(0, i) + head.slice(i + 1));
      if (i + 1 < head.length) add(head.slice(0, i) + head[i + 1] + head[i] + head.slice(i + 2));
      for (var c = 0; c < letters.length; c++) {
        add(head.slice(0, i) + letters[c] + head.slice(i + 1));
        add(head.slice(0, i) + letters[c] + head.slice(i));
      }
    }
    return keys;
  }

  // Calls fn(key, entryStem, entry, weight) for each entry of the given shards that a typed word matches.
  function eachMatch(term, keys, fn) {
    var termStem = stem(term), matches = [], spelt = false;
    keys.forEach(function (key) {
      var shard = shards[key];
      if (!shard) return;
      Object.keys(shard).forEach(function (entryStem) {
        var entry = shard[entryStem];
        var weight = matchWeight(term, termStem, entryStem, entry[0].split(" "));
        if (weight >= 0.5) spelt = true;
        if (weight > 0) matches.push([key, entryStem, entry, weight]);
      });
    });
    // A word the site has, as written or as a prefix, is not also read as a misspelling of
    // its neighbours: which neighbours happen to share its shards would decide the ranking.
    matches.forEach(function (m) { if (!spelt || m[3] >= 0.5) fn(m[0], m[1], m[2], m[3]); });
  }

  function matchesIn(term, keys) {
    var found = false;
    eachMatch(term, keys, function () { found = true; });
    return found;
  }

  // ---- Querying ---------------------------------------------------------------------------

  function parse(query) {
    var phrases = [];
    var outside = query.replace(/"([^"]+)"/g, function (_, phrase) { phrases.push(words(phrase).join(" ")); return " "; });
    var terms = words(query).filter(indexed);
    var unique = [], counts = [];
    terms.forEach(function (t) {
      var at = unique.indexOf(t);
      if (at < 0) { unique.push(t); counts.push(1); } else counts[at]++;
    });
    // A word said twice weighs twice, as in a pasted question that keeps coming back to it.
    // Only a query that is nothing but phrases in quotes is a phrase search; quotes inside a
    // longer pasted question still give ranked results when no page holds the quoted words.
    var strict = words(outside).filter(indexed).length === 0;
    return { terms: unique, counts: counts, phrases: phrases.filter(function (p) { return p.length > 0; }), strictPhrases: strict };
  }

  // How well an index entry matches a typed word: exact stem 1, prefix (as you type) 0.7, one typo
  // 0.4, two typos 0.25 (so the nearer word ranks first).
  function matchWeight(term, termStem, entryStem, entryWords) {
    if (entryStem === termStem) return 1;
    if (term.length >= 2 && (entryStem.indexOf(term) === 0 || entryWords.some(function (w) { return w.indexOf(term) === 0; }))) return 0.7;
    var limit = typoLimit(term);
    if (limit > 0 && Math.abs(entryStem.length - termStem.length) <= limit + 2) {
      var nearest = entryWords.reduce(function (d, w) { return Math.min(d, distance(term, w)); }, distance(termStem, entryStem));
      if (nearest <= limit) return nearest <= 1 ? 0.4 : 0.25;
    }
    return 0;
  }

  function search(query, limit) {
    return loadManifest().then(function () {
      if (!manifest) return { query: query, results: [], suggestion: null, error: true };
      var parsed = parse(query);
      if (parsed.terms.length === 0) return { query: query, results: [], suggestion: null, terms: [] };
      var ownKeys = parsed.terms.map(keysOf);
      var keys = [];
      ownKeys.forEach(function (list) {
        list.forEach(function (k) { addOnce(keys, k); });
      });
      return Promise.all(keys.map(loadShard)).then(function () {
        // A word long enough for typos that matches nothing in its own shards is looked for next door.
        var more = [];
        parsed.keys = parsed.terms.map(function (t, index) {
          var own = ownKeys[index];
          if (typoLimit(t) === 0 || matchesIn(t, own)) return own;
          var near = neighbourKeys(t).filter(function (k) { return own.indexOf(k) < 0; });
          near.forEach(function (k) { addOnce(more, k); });
          return own.concat(near);
        });
        return Promise.all(more.map(loadShard)).then(function () {
          // A question of three words or more ranks pages deep down each word's list: the rest of
          // its words' postings is loaded then. One or two words need only the best, which the
          // shards hold, and keep a first search small.
          var restKeys = [];
          if (parsed.terms.length > 2) {
            parsed.terms.forEach(function (term, index) {
              eachMatch(term, parsed.keys[index], function (key, entryStem, entry) {
                if (entry[2] === 1) addOnce(restKeys, key);
              });
            });
          }
          // Only when the best postings cannot fill the list with sections holding every word: a
          // query whose words meet often is answered from the shards alone, and stays small.
          if (restKeys.length === 0 || sectionsWithEveryWord(parsed) >= limit) return rank(parsed, limit);
          return Promise.all(restKeys.map(loadRest)).then(function () { return rank(parsed, limit); });
        });
      });
    });
  }

  // For each query word, the best score of each section it matches in the postings loaded so far
  // (a misspelt word's matches weigh less), and the index words that misspelt words matched.
  function matchedSections(parsed) {
    var typoWords = [];
    var perTerm = parsed.terms.map(function (term, index) {
      var best = {};
      eachMatch(term, parsed.keys[index], function (key, entryStem, entry, weight) {
        if (weight < 0.5) entry[0].split(" ").forEach(function (w) { addOnce(typoWords, w); });
        var postings = postingsOf(key, entryStem, entry);
        for (var i = 0; i < postings.length; i += 3) {
          var id = postings[i] + ":" + postings[i + 1];
          var score = postings[i + 2] * weight;
          if (!best[id] || best[id] < score) best[id] = score;
        }
      });
      return best;
    });
    return { perTerm: perTerm, typoWords: typoWords };
  }

  // How many sections hold every query word that the site has, by the postings loaded so far.
  function sectionsWithEveryWord(parsed) {
    var counts = {}, present = 0;
    matchedSections(parsed).perTerm.forEach(function (best) {
      var ids = Object.keys(best);
      if (ids.length > 0) present++;
      ids.forEach(function (id) { counts[id] = (counts[id] || 0) + 1; });
    });
    return Object.keys(counts).filter(function (id) { return counts[id] >= present; }).length;
  }

  function rank(parsed, limit) {
    var sections = {};
    var missing = []; // query words on no page of the site: the results say so
    var matched = matchedSections(parsed);
    var typoWords = matched.typoWords; // highlighted too
    matched.perTerm.forEach(function (best, index) {
      var ids = Object.keys(best);
      if (ids.length === 0) addOnce(missing, parsed.terms[index]);
      ids.forEach(function (id) {
        var found = sections[id] || (sections[id] = { id: id, score: 0, matched: 0 });
        found.score += best[id] * parsed.counts[index];
        found.matched++; // each term is looked at once, so this counts the distinct terms a section holds
      });
    });

    var present = parsed.terms.length - missing.length;
    var candidates = Object.keys(sections).map(function (id) { return sections[id]; }).sort(inRankOrder(present));
    if (present < 2 || !manifest.pagesPerKeywordFile) return choose(parsed, candidates, limit, missing, typoWords);
    var pageIds = [];
    candidates.slice(0, RERANKED).forEach(function (c) { addOnce(pageIds, pageOfSection(c.id)); });
    return Promise.all(pageIds.map(loadKeywords)).then(function () {
      return choose(parsed, likeTheBest(candidates, present), limit, missing, typoWords);
    });
  }

  // Sections holding every word the site has come first, then the list is filled by score, so
  // a reader who typed a few words never gets only one or two results when others are relevant.
  function inRankOrder(present) {
    return function (a, b) {
      return (b.matched >= present) - (a.matched >= present) || b.score - a.score || (a.id < b.id ? -1 : 1);
    };
  }

  // A section's id is "page:section".
  function pageOfSection(id) { return +id.split(":")[0]; }

  // Pages like the best results. A reader's few words miss many of the words a relevant page
  // uses; the best results show them. The keywords of the first pages (each weighing less the
  // further its score is below the first's, and each term by how many of those pages share it)
  // make a profile of ten terms, and each of the first RERANKED sections gains half its page's
  // match with that profile, at most its own score again, its place among sections holding
  // every word, or not, kept. Only on sites of 100 pages or more (smaller ones have no keyword
  // files: generator/Search/WriteSearchIndex.cs, KeywordsFromPages): on a small site the first
  // ten pages are most of the site, their shared words are the site's own, and the pages that
  // cover everything would rise above the page that answers. Tuned on the
  // development collection (docs/benchmarks.md, "Pages like the best results"): without it, a
  // collection without titles ranked no better than textbook BM25.
  var RERANKED = 30, PROFILE_PAGES = 10, PROFILE_TERMS = 10, PROFILE_WEIGHT = 0.5;
  function likeTheBest(candidates, present) {
    var head = candidates.slice(0, RERANKED);
    var first = head.length > 0 ? head[0].score : 0;
    if (!(first > 0)) return candidates;
    var profile = {}, shared = {}, pages = [];
    for (var i = 0; i < head.length && pages.length < PROFILE_PAGES; i++) {
      var page = pageOfSection(head[i].id);
      if (pages.indexOf(page) >= 0) continue;
      pages.push(page);
      var weight = Math.exp((head[i].score - first) / first), keywords = keywordsOf(page);
      Object.keys(keywords).forEach(function (term) {
        profile[term] = (profile[term] || 0) + weight * keywords[term];
        shared[term] = (shared[term] || 0) + 1;
      });
    }
    // A term weighs by how many of those pages share it: one page's own rare words are not what the results have in common.
    Object.keys(profile).forEach(function (term) { profile[term] *= shared[term] / pages.length; });
    var terms = Object.keys(profile).sort(function (a, b) { return profile[b] - profile[a] || a - b; }).slice(0, PROFILE_TERMS);
    if (terms.length === 0) return candidates;
    var top = profile[terms[0]];
    var reranked = head.map(function (c) {
      var keywords = keywordsOf(pageOfSection(c.id)), like = 0;
      terms.forEach(function (term) { like += (profile[term] / top) * (keywords[term] || 0); });
      return { id: c.id, score: c.score + Math.min(PROFILE_WEIGHT * like, c.score), matched: c.matched };
    });
    return reranked.sort(inRankOrder(present)).concat(candidates.slice(RERANKED));
  }

  function choose(parsed, candidates, limit, missing, typoWords) {
    // At most three sections per page, so one long page does not fill the list. Only a phrase
    // can rule a section out later, so only then are spare candidates loaded.
    var wanted = parsed.phrases.length > 0 ? limit * 2 : limit;
    var perPage = {};
    var chosen = [];
    for (var i = 0; i < candidates.length && chosen.length < wanted; i++) {
      var page = pageOfSection(candidates[i].id);
      perPage[page] = (perPage[page] || 0) + 1;
      if (perPage[page] <= 3) chosen.push(candidates[i]);
    }
    var pageIds = [];
    chosen.forEach(function (c) { addOnce(pageIds, pageOfSection(c.id)); });
    return Promise.all(pageIds.map(loadPage)).then(function () {
      var results = [], unfiltered = [];
      chosen.forEach(function (c) {
        var parts = c.id.split(":");
        var found = pageRecord(+parts[0]);
        if (!found) return;
        var section = found.sections[+parts[1]];
        if (!section) return;
        var text = fold(section[0] + " " + section[2]).replace(/[^\p{L}\p{Nd}]+/gu, " ");
        var result = { url: found.url, page: found.title, heading: section[0], anchor: section[1], text: section[2], score: c.score };
        unfiltered.push(result);
        if (parsed.phrases.some(function (p) { return text.indexOf(p) < 0; })) return;
        results.push(result);
      });
      // A phrase in quotes keeps only the sections that hold it; if none does (quotes in a pasted
      // question), the ranked list is shown rather than nothing.
      var phraseFound = parsed.phrases.length === 0 || results.length > 0 || parsed.strictPhrases;
      results = (phraseFound ? results : unfiltered).slice(0, limit);
      return { query: parsed, results: results, suggestion: results.length === 0 ? suggest(parsed) : null, missing: missing,
        terms: parsed.terms.concat(typoWords) };
    });
  }

  // "Did you mean": the closest indexed word to each term that found nothing.
  function suggest(parsed) {
    var changed = false;
    var words = parsed.terms.map(function (term, index) {
      var best = null, bestDistance = 3;
      // A number or a code is not misspelt the way a word is: 989 is not "988".
      if (/\d/.test(term)) return term;
      parsed.keys[index].forEach(function (key) {
        var shard = shards[key];
        if (!shard) return;
        Object.keys(shard).forEach(function (entryStem) {
          shard[entryStem][0].split(" ").forEach(function (w) {
            if (/\d/.test(w)) return;
            var d = distance(term, w);
            if (d > 0 && d < bestDistance) { best = w; bestDistance = d; }
          });
        });
      });
      if (best && term.length >= 3) { changed = true; return best; }
      return term;
    });
    return changed ? words.join(" ") : null;
  }

  // ---- Showing results ----------------------------------------------------------------------

  function resultUrl(result, terms) {
    var url = root + result.url;
    if (terms.length > 0) url += "?highlight=" + encodeURIComponent(terms.join(" "));
    if (result.anchor) url += "#" + result.anchor;
    return url;
  }

  // Appends text to an element with the query terms wrapped in <mark>, built with DOM calls only.
  function appendHighlighted(element, text, terms) {
    var pattern = /[\p{L}\p{Nd}]+/gu, last = 0, match;
    while ((match = pattern.exec(text)) !== null) {
      if (!wordMatches(match[0], terms)) continue;
      element.appendChild(document.createTextNode(text.slice(last, match.index)));
      var mark = document.createElement("mark");
      mark.textContent = match[0];
      element.appendChild(mark);
      last = match.index + match[0].length;
    }
    element.appendChild(document.createTextNode(text.slice(last)));
  }

  function wordMatches(word, terms) {
    var folded = fold(word);
    var foldedStem = stem(folded);
    return terms.some(function (t) { return folded.indexOf(t) === 0 || foldedStem === stem(t); });
  }

  // About 160 characters around the first matching word.
  function snippet(text, terms) {
    var pattern = /[\p{L}\p{Nd}]+/gu, match, at = 0;
    while ((match = pattern.exec(text)) !== null) {
      if (wordMatches(match[0], terms)) { at = match.index; break; }
    }
    var start = Math.max(0, at - 60);
    if (start > 0) start = text.indexOf(" ", start) + 1;
    var end = Math.min(text.length, start + 180);
    if (end < text.length) end = text.lastIndexOf(" ", end);
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function fillResult(container, result, terms) {
    var title = document.createElement("span");
    title.className = "search-result-title";
    title.textContent = result.page;
    container.appendChild(title);
    if (result.heading && result.heading !== result.page) {
      var heading = document.createElement("span");
      heading.className = "search-result-heading";
      heading.textContent = " › " + result.heading;
      container.appendChild(heading);
    }
    var text = document.createElement("span");
    text.className = "search-result-snippet";
    appendHighlighted(text, snippet(result.text, terms), terms);
    container.appendChild(text);
  }

  // "psilocybin: not on this site." for each query word no page holds, so no word is dropped silently.
  function missingWords(outcome) {
    return (outcome.missing || []).map(function (word) { return say("notOnSite", { word: word }); }).join(" ");
  }

  function noResultsMessage(element, outcome, query, searchPage) {
    element.textContent = say("noResults", { query: query });
    if (outcome.suggestion) {
      var parts = say("didYouMean").split("{word}");
      element.appendChild(document.createTextNode(" " + parts[0]));
      var link = document.createElement("a");
      link.href = searchPage + "?q=" + encodeURIComponent(outcome.suggestion);
      link.textContent = outcome.suggestion;
      link.className = "search-suggestion";
      element.appendChild(link);
      element.appendChild(document.createTextNode(parts.slice(1).join("")));
    }
  }

  // ---- The header box: an ARIA combobox with a listbox of results -------------------------

  function setUpCombobox() {
    var input = document.getElementById("search-input");
    var popup = document.getElementById("search-popup");
    var listbox = document.getElementById("search-listbox");
    var message = document.getElementById("search-message");
    var status = document.getElementById("search-status");
    if (!input || !popup || !listbox) return;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", "search-listbox");
    var active = -1, options = [], sequence = 0;

    function close() {
      sequence++; // a search still under way must not reopen the list
      popup.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function activate(index) {
      if (options.length === 0) return;
      if (active >= 0) options[active].setAttribute("aria-selected", "false");
      active = (index + options.length) % options.length;
      options[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function show(outcome, query) {
      listbox.textContent = "";
      message.textContent = "";
      options = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      outcome.results.forEach(function (result, i) {
        var option = document.createElement("li");
        option.id = "search-option-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "search-result";
        option.dataset.href = resultUrl(result, outcome.terms);
        fillResult(option, result, outcome.terms);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { window.location.href = option.dataset.href; });
        listbox.appendChild(option);
        options.push(option);
      });
      listbox.hidden = options.length === 0;
      listbox.dataset.query = query; // which query the list shows, as results arrive while typing
      if (options.length === 0) noResultsMessage(message, outcome, query, root + "search.html");
      else message.textContent = missingWords(outcome);
      status.textContent = options.length === 0 ? message.textContent : (counted("resultCount", options.length, query) + " " + missingWords(outcome)).trim();
      popup.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    input.addEventListener("input", function () {
      var query = input.value.trim();
      var mine = ++sequence;
      if (query.length === 0) { close(); return; }
      search(query, 8).then(function (outcome) {
        if (mine === sequence) show(outcome, query);
      });
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); if (popup.hidden && input.value.trim()) input.dispatchEvent(new Event("input")); else activate(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); activate(active - 1); }
      else if (event.key === "Escape") { if (!popup.hidden) { event.preventDefault(); close(); } else { input.value = ""; } }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); window.location.href = options[active].dataset.href; }
    });

    // The manifest loads as soon as the reader is in the box, so the first keystroke waits only for its words' files.
    input.addEventListener("focus", function () { loadManifest(); });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  // ---- The search page: search.html?q=... -------------------------------------------------

  function setUpSearchPage() {
    var container = document.getElementById("search-page");
    if (!container) return;
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var input = document.getElementById("search-input");
    if (input) input.value = query;
    var heading = document.createElement("p");
    heading.className = "search-page-status";
    heading.setAttribute("role", "status");
    container.appendChild(heading);
    // The messages come with the manifest, so it is loaded before anything is said.
    loadManifest().then(function () {
      if (!query.trim()) { heading.textContent = say("prompt"); return; }
      heading.textContent = say("searching");
      showSearchPage(container, heading, query);
    });
  }

  function showSearchPage(container, heading, query) {
    search(query, 50).then(function (outcome) {
      if (outcome.results.length === 0) { noResultsMessage(heading, outcome, query, root + "search.html"); return; }
      var notes = missingWords(outcome);
      heading.textContent = counted("resultsFor", outcome.results.length, query) + (notes ? ". " + notes : "");
      var list = document.createElement("ol");
      list.className = "search-results";
      outcome.results.forEach(function (result) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = resultUrl(result, outcome.terms);
        link.className = "search-result";
        fillResult(link, result, outcome.terms);
        item.appendChild(link);
        list.appendChild(item);
      });
      container.appendChild(list);
    });
  }

  // ---- Highlighting the terms on the page a result opened ---------------------------------

  function highlightPage() {
    var terms = new URLSearchParams(window.location.search).get("highlight");
    var body = document.querySelector(".page-body");
    if (!terms || !body) return;
    loadManifest().then(function () {
      if (!manifest) return;
      var list = words(terms).filter(indexed);
      if (list.length === 0) return;
      var walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) {
        if (!walker.currentNode.parentElement.closest(".citation-preview, script, style")) nodes.push(walker.currentNode);
      }
      nodes.forEach(function (node) {
        var text = node.nodeValue, pattern = /[\p{L}\p{Nd}]+/gu, match, any = false;
        while ((match = pattern.exec(text)) !== null) if (wordMatches(match[0], list)) { any = true; break; }
        if (!any) return;
        var fragment = document.createDocumentFragment();
        var holder = document.createElement("span");
        appendHighlighted(holder, text, list);
        while (holder.firstChild) fragment.appendChild(holder.firstChild);
        node.parentNode.replaceChild(fragment, node);
      });
    });
  }

  setUpCombobox();
  setUpSearchPage();
  highlightPage();

  // Exposed for tests: the same tokenising the build uses, and the query function.
  window.SiteGenSearch.query = search;
  window.SiteGenSearch.stem = function (word) { return loadManifest().then(function () { return stem(fold(word)); }); };
  // The stemmer alone, for the tests that hold it to the reference vocabulary.
  window.SiteGenSearch.englishStem = englishStem;
})();
