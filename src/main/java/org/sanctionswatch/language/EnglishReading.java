package org.sanctionswatch.language;

/**
 * One reading of an English word form: its lemma and Penn Treebank tag ({@code VBD}, {@code VBN}, {@code NNS}
 * ...), from LanguageTool's English dictionary.
 */
public record EnglishReading(String lemma, String tag) {

	/** A verb or a modal auxiliary ("could" is MD). */
	public boolean verb() {
		return this.tag.startsWith("VB") || this.tag.equals("MD");
	}

	public boolean pastTense() {
		return this.tag.equals("VBD");
	}

	public boolean pastParticiple() {
		return this.tag.equals("VBN");
	}

	public boolean gerund() {
		return this.tag.equals("VBG");
	}

}
