/**
 * The input contract: news-article events as UTF-8 JSON, decoded and validated with a reason for every
 * refusal (see {@code docs/schemas/article.schema.json}).
 */
@NullMarked
package org.sanctionswatch.article;

import org.jspecify.annotations.NullMarked;
