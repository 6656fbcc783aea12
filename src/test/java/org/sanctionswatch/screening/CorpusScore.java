package org.sanctionswatch.screening;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.sanctionswatch.lists.SanctionsList;

/**
 * Scores the screening engine on labelled JSON Lines files without Kafka, the way the acceptance script does
 * through the service: {@code java -cp ... org.sanctionswatch.screening.CorpusScore [--explain] [--no-lists]
 * FILE...}. The OFAC and UN lists are read from the team's shared data, as local mode reads them.
 */
public final class CorpusScore {

	private CorpusScore() {
	}

	public static void main(String[] args) {
		boolean explain = false;
		boolean withLists = true;
		String only = null;
		List<Path> files = new ArrayList<>();
		for (String a : args) {
			if (a.equals("--explain")) {
				explain = true;
			}
			else if (a.equals("--no-lists")) {
				withLists = false;
			}
			else if (a.startsWith("--only=")) {
				only = a.substring("--only=".length());
			}
			else {
				files.add(Path.of(a));
			}
		}
		List<SanctionsList> lists = withLists ? LabelledCorpus.sharedLists(Path.of("../shared/data/ofac-sdn-2021-07"),
				Path.of("../shared/data/un-consolidated/consolidated.xml")) : List.of();
		if (lists == null) {
			System.out.println("the shared OFAC and UN lists are not beside the checkout: screening without them");
			lists = List.of();
		}
		ScreeningEngine engine = LabelledCorpus.engine(lists);
		for (Path file : files) {
			List<LabelledCorpus.Labelled> corpus = LabelledCorpus.read(file);
			if (only != null) {
				String id = only;
				corpus = corpus.stream().filter(l -> l.id().equals(id)).toList();
			}
			LabelledCorpus.Score score = LabelledCorpus.score(engine, corpus);
			System.out.println("== " + file);
			System.out.print(score.report(true));
			if (explain) {
				for (LabelledCorpus.Outcome o : (only != null) ? score.outcomes() : score.misses()) {
					System.out.println("  -- " + o.labelled().id() + " " + o.verdict());
					System.out.print(LabelledCorpus.explain(o.screening()));
				}
			}
		}
		System.exit(0);
	}

}
