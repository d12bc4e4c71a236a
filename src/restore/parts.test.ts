import { describe, expect, it } from 'vitest';
import { alignWords, wordAccuracy, words } from './align.js';
import { Channel, learnConfusions } from './channel.js';
import { BOS, NgramModel, trainKneserNey } from './lm.js';
import { repairBeforeNumber, repairCode, repairVieCode } from './symbols.js';
import { pieces } from './tokens.js';
import { learnToneConfusions } from './tones.js';
import { placeSyllables, placeUnits, preparedPlaces } from './vocabulary.js';
import { PlaceNames, preparePlaces } from './names.js';
import { getRestorer } from './index.js';
import { SourceText } from '../text/source-text.js';

describe('symbol repairs', () => {
  it('repairs codes from the lexicon only', () => {
    expect(repairCode('QD')).toBe('QĐ');
    expect(repairCode('BCP')).toBe('BCĐ');
    expect(repairCode('QB')).toBe('QĐ');
    expect(repairCode('ND')).toBe('NĐ');
    expect(repairCode('UBND')).toBe('UBND');
    expect(repairCode('HPND')).toBe('HĐND');
    expect(repairCode('XYZ')).toBeNull();
    expect(repairBeforeNumber('s6')).toBe('số');
  });

  it('undoes the Vietnamese model\'s damage to codes only where one lexicon code is reached', () => {
    expect(['TTHOC', 'TTHOG', 'TTHƠ', 'TTHCG', 'TTHGC', 'TTIPVHCC', 'PVHCOC', 'POCT', 'UBNDO'].map((t) => repairVieCode(t, false)))
      .toEqual(['TTHC', 'TTHC', 'TTHC', 'TTHC', 'TTHC', 'TTPVHCC', 'PVHCC', 'PCT', 'UBND']);
    // other acronyms stay: the index PCI is not PCT, VAT's GTGT has no C, ICT is not CT
    expect(['PCI', 'GTGT', 'ICT', 'ISO', 'TCVN', 'OCOP', 'TTHC', 'VI', 'T1'].map((t) => repairVieCode(t, false))).toEqual(Array(9).fill(null));
    // two-letter codes where a code stands: a symbol's type, the archive line
    expect(['VI', 'VỊ', 'Vi', 'T1', 'Ti'].map((t) => repairVieCode(t, true))).toEqual(['VT', 'VT', 'VT', 'TT', 'TT']);
  });
});

describe('pieces', () => {
  it('keeps a document symbol together and marks its codes', () => {
    const ps = pieces('Quyét dinh s6 1037/QD-BCP ngay 06/8/2025');
    expect(ps.map((p) => `${p.kind}:${p.text}`)).toEqual([
      'word:Quyét', 'word:dinh', 'word:s6', 'number:1037', 'punct:/', 'code:QD', 'punct:-', 'code:BCP',
      'word:ngay', 'number:06', 'punct:/', 'number:8', 'punct:/', 'number:2025',
    ]);
  });
});

describe('Kneser–Ney trigram model', () => {
  it('gives a proper distribution after a context, round-tripped through its packed file', () => {
    const vocab = ['<unk>', '<s>', '</s>', '<num>', '<p>', 'ủy', 'ban', 'nhân', 'dân', 'thành', 'phố'];
    const s = (...w: number[]) => Int32Array.from(w);
    const lm = NgramModel.load(trainKneserNey([s(5, 6, 7, 8), s(5, 6, 7, 8, 9, 10), s(9, 10, 5, 6)], vocab));
    for (const [u, v] of [[5, 6], [-1, BOS], [7, 8]] as const) {
      let total = 0;
      for (let w = 0; w < vocab.length; w++) if (w !== BOS) total += 10 ** lm.logProb(u, v, w);
      expect(total).toBeGreaterThan(0.93); // one byte of quantisation per probability
      expect(total).toBeLessThan(1.07);
    }
    expect(lm.logProb(5, 6, 7)).toBeGreaterThan(lm.logProb(5, 6, 9));
  });

  it('finds exactly the stored n-grams, and bounds every score of a word', () => {
    const vocab = ['<unk>', '<s>', '</s>', '<num>', '<p>', 'ủy', 'ban', 'nhân', 'dân', 'thành', 'phố', 'xã'];
    const sentences = [[5, 6, 7, 8], [5, 6, 7, 8, 9, 10], [9, 10, 5, 6], [11, 5, 6, 7, 8, 11]];
    const lm = NgramModel.load(trainKneserNey(sentences.map((w) => Int32Array.from(w)), vocab));
    const bigrams = new Set<string>();
    const trigrams = new Set<string>();
    for (const s of sentences) {
      const w = [BOS, ...s, 2]; // 2: </s>
      for (let i = 1; i < w.length; i++) bigrams.add(`${w[i - 1]} ${w[i]}`);
      for (let i = 2; i < w.length; i++) trigrams.add(`${w[i - 2]} ${w[i - 1]} ${w[i]}`);
    }
    const V = vocab.length;
    const indexes = new Set<number>();
    for (let v = 0; v < V; v++) {
      for (let w = 0; w < V; w++) {
        const i = lm.bigramIndex(v, w);
        expect(i >= 0, `${v} ${w}`).toBe(bigrams.has(`${v} ${w}`));
        if (i >= 0) indexes.add(i);
        for (let u = -1; u < V; u++) {
          expect(lm.logProb(u, v, w)).toBeLessThanOrEqual(lm.maxLogProb(w));
          if (u >= 0) expect(!Number.isNaN(lm.trigramLogProb(lm.bigramIndex(u, v), w))).toBe(trigrams.has(`${u} ${v} ${w}`));
        }
      }
    }
    expect(indexes.size).toBe(bigrams.size);
  });
});

describe('OCR channel', () => {
  it('learns emissions from aligned pairs and ranks candidates by them', () => {
    const syllables = ['số', 'so', 'sổ', 'sở', 'đặc', 'dặc', 'khu', 'lập'];
    const counts = learnConfusions([['số', 's6'], ['số', 's6'], ['sổ', 's6'], ['đặc', 'pac'], ['lập', '1ap'], ['khu', 'khu']], syllables);
    expect(counts['ố']?.['6']).toBe(2);
    expect(counts['đ']?.['p']).toBe(1);
    const ch = new Channel(syllables, counts);
    expect(ch.candidates('s6')[0]?.word).toBe('số');
    expect(ch.candidates('pac')[0]?.word).toBe('đặc');
    expect(ch.candidates('1ap')[0]?.word).toBe('lập');
  });

  it('lets a letter never seen in training borrow what its base letter does', () => {
    // `ẵ` has no counts: like the other a-letters it is mostly read as printed, not as anything
    const ch = new Channel(['ăn', 'ẵn'], { a: { a: 1000, q: 1 }, ă: { ă: 500, a: 20 } });
    expect(ch.cost('ẵ', 'ẵ')).toBeLessThan(0.1);
    expect(ch.cost('ẵ', 'x')).toBeGreaterThan(9);
    expect(ch.cost('ẵ', 'x')).toBeGreaterThan(ch.cost('ẵ', 'a'));
  });

  it('finds the same candidates with a tight or a loose limit, up to the limit', () => {
    const counts = { ố: { '6': 5, ố: 10 }, o: { o: 100 }, s: { s: 100 } };
    const ch = new Channel(['số', 'sổ', 'sở', 'so', 'sò', 'sọ', 'xố'], counts);
    const all = ch.candidates('s6', 14, 9, 40);
    expect(new Channel(['số', 'sổ', 'sở', 'so', 'sò', 'sọ', 'xố'], counts).candidates('s6', 14, 9, 3)).toEqual(all.slice(0, 3));
  });
});

describe('word alignment', () => {
  it('measures word accuracy across a dropped word', () => {
    const a = alignWords(words('Quyết định số 1037/QĐ-BCĐ ngày'), words('Quyét dinh 1037/QĐ-BCĐ ngày'));
    expect(wordAccuracy(a)).toEqual({ correct: 2, total: 5 });
  });
});

describe('repairs of issue 24: tokens', () => {
  it('keeps an apostrophe or question mark between small letters inside the word (English OCR reads ư as u\', ứ as i?)', () => {
    expect(pieces("thu'c hien chi?c K’Nớ gì?").map((p) => `${p.kind}:${p.text}`)).toEqual(["word:thu'c", 'word:hien', 'word:chi?c', 'word:K', 'punct:’', 'word:Nớ', 'word:gì', 'punct:?']);
  });

  it('reads S06 as số before a number', () => {
    expect(repairBeforeNumber('S06')).toBe('số');
  });
});

describe('tone confusions of Vietnamese-model OCR', () => {
  it('counts (printed tone, read tone) over pairs with the same letters and shapes, shape changes apart', () => {
    const isSyllable = (w: string) => ['tỉnh', 'dẫn', 'tính', 'trực'].includes(w);
    const pairs: [string, string][] = [['tỉnh', 'tĩnh'], ['tỉnh', 'tỉnh'], ['dẫn', 'dần'], ['tính', 'tinh'], ['trực', 'trục'], ['tỉnh', 'tinb'], ['xyz', 'xỳz']];
    const { tones, shapes } = learnToneConfusions(pairs, isSyllable);
    // tones: 0 none, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng
    expect(tones[3]).toEqual([0, 0, 0, 1, 1, 0]);
    expect(tones[4]).toEqual([0, 1, 0, 0, 0, 0]);
    expect(tones[2]).toEqual([1, 0, 0, 0, 0, 0]);
    expect(tones.flat().reduce((a, b) => a + b, 0)).toBe(4);
    expect(shapes).toEqual([1, 5]);
  });
});

describe('gazetteer', () => {
  const names = new PlaceNames(['xã Đắk Rơ Nga', 'xã Phú Lộc', 'xã Phú Lốc', 'đặc khu Cát Hải']);
  const decoded = (text: string, chosen: string) => text.split(' ').map((written, k) => ({ word: chosen.split(' ')[k]!, written, reset: false }));

  it('reads every copy of a name as its copy after the kind word, the only unit with those letters', () => {
    // `Dak Ro Nga` decoded twice, once after `xã` as the gazetteer has it
    expect(names.rewrites(decoded('xa Dak Ro Nga va Dak Ro Nga', 'xã đắk rơ nga và đăk rơ nga'), () => false)).toEqual([{ at: 5, syllable: 'đắk' }]);
    // in capitals too, and a copy with other marks: the letters decide
    expect(names.rewrites(decoded('ĐẶC KHU CÁT HẢI tai Cát Hai', 'đặc khu cát hải tại cát hai'), () => false)).toEqual([{ at: 6, syllable: 'hải' }]);
  });

  it('needs the decoder’s confidence where two units share the letters, and leaves a word in lower case alone', () => {
    const text = 'xa Phu Loc va Phu Loc va phu loc';
    const chosen = 'xã phú lộc và phú lốc và phụ lọc';
    expect(names.rewrites(decoded(text, chosen), () => false)).toEqual([]);
    expect(names.rewrites(decoded(text, chosen), () => true)).toEqual([{ at: 5, syllable: 'lộc' }]);
  });

  it('keeps a name one reading through the restorer (full mode, stripped text)', () => {
    const restored = getRestorer().restore(SourceText.fromOriginal('xa Dak Ro Nga va Dak Ro Nga'), { mode: 'full' }).text.text;
    expect(restored).toBe('xã Đắk Rơ Nga và Đắk Rơ Nga');
  });

  it('gives place names syllables the dictionary lacks, but no single letters or Roman numerals', () => {
    expect(placeSyllables(['tỉnh Đắk Lắk', 'phường II', 'xã Ea H Leo']).sort()).toEqual(['ea', 'leo', 'lắk', 'phường', 'tỉnh', 'xã', 'đắk']);
    const units = placeUnits();
    for (const u of ['tỉnh Đắk Lắk', 'đặc khu Cát Hải', 'xã Phú Lộc', 'huyện Phú Lộc']) expect(units).toContain(u);
    expect(units.some((u) => /\d/.test(u))).toBe(false);
  });

  it('stores the gazetteer as the name pass looks it up, as its units give it (scripts/places-file.ts)', () => {
    const prepared = preparedPlaces();
    expect(prepared).toEqual(preparePlaces(placeUnits()));
    expect(prepared.forms).toContain('xã phú lộc');
    expect(prepared.shared).toContain('huyện phù ninh'); // huyện Phú Ninh has the same letters
    expect(prepared.shared).not.toContain('đặc khu cát hải');
  });
});
