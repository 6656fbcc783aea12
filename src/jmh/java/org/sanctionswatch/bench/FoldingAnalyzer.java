package org.sanctionswatch.bench;

import java.io.IOException;
import java.io.Reader;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.sanctionswatch.text.TokenVocabulary;
import org.sanctionswatch.text.TokenizedText;

/**
 * A Lucene analyzer that tokenizes exactly like the engine, by delegating to {@link TokenizedText}: NFKC case
 * folding, diacritics removed, Cyrillic transliterated, punctuation as separators, letter/digit boundaries
 * split. Rebuilding that from Lucene filters would differ at the edges (ICU's folding of "ß", the "S400" split)
 * and make the cross-check compare tokenizers instead of matchers.
 */
final class FoldingAnalyzer extends Analyzer {

	/** The lemma preferences of the engine's vocabulary, so that both fold an ambiguous Cyrillic word alike. */
	private final TokenVocabulary preferring;

	FoldingAnalyzer(TokenVocabulary preferring) {
		this.preferring = preferring;
	}

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		return new TokenStreamComponents(new FoldingTokenizer(this.preferring));
	}

	static final class FoldingTokenizer extends Tokenizer {

		private final TokenVocabulary preferring;

		FoldingTokenizer(TokenVocabulary preferring) {
			this.preferring = preferring;
		}

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

		private final StringBuilder buffer = new StringBuilder(8192);

		private TokenizedText tokens;

		private int next;

		@Override
		public boolean incrementToken() throws IOException {
			clearAttributes();
			if (this.tokens == null) {
				this.tokens = TokenizedText.of(readAll(this.input), this.preferring);
			}
			if (this.next >= this.tokens.size()) {
				return false;
			}
			this.term.setEmpty().append(this.tokens.token(this.next));
			this.offset.setOffset(correctOffset(this.tokens.start(this.next)), correctOffset(this.tokens.end(this.next)));
			this.next++;
			return true;
		}

		@Override
		public void end() throws IOException {
			super.end();
			int last = correctOffset((this.tokens != null) ? this.tokens.original().length() : 0);
			this.offset.setOffset(last, last);
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			this.tokens = null;
			this.next = 0;
		}

		private String readAll(Reader reader) throws IOException {
			this.buffer.setLength(0);
			char[] chunk = new char[4096];
			for (int n = reader.read(chunk); n >= 0; n = reader.read(chunk)) {
				this.buffer.append(chunk, 0, n);
			}
			return this.buffer.toString();
		}

	}

}
