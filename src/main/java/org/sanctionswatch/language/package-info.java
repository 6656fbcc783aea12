/**
 * What a word is in its language: the language of an article (declared, or detected), the readings of
 * Russian and English word forms from LanguageTool's morfologik dictionaries (lemma, part of speech, case,
 * tense, aspect, voice), and English parts of speech in context from OpenNLP's tagger. Dictionaries and models
 * are loaded once and shared; every look-up is memoised, because news repeats its words.
 */
@NullMarked
package org.sanctionswatch.language;

import org.jspecify.annotations.NullMarked;
