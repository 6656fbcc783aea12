package org.sanctionswatch.lists;

import org.sanctionswatch.SanctionsWatchProperties.Lists.Source;

/** Seam between the registry's bookkeeping and the I/O, so that refresh behaviour is testable without files. */
@FunctionalInterface
interface SourceLoader {

	SanctionsList load(Source source) throws Exception;

}
