package org.sanctionswatch.screening;

import java.util.List;

import org.sanctionswatch.gazetteer.Gazetteer;
import org.sanctionswatch.lists.SanctionsList;
import org.sanctionswatch.reference.ReferenceData;

/**
 * Benchmark access to how the service turns reference data and lists into a gazetteer. It lives in the
 * screening package because that code is package-private: the benchmarks must measure the service's own
 * gazetteer, not a copy of its rules.
 */
public final class BenchmarkGazetteers {

	private BenchmarkGazetteers() {
	}

	/** The gazetteer exactly as the service builds it. */
	public static Gazetteer build(ReferenceData reference, List<SanctionsList> lists) {
		return GazetteerHolder.build(reference, lists);
	}

	/** Registers what the service registers, into a builder the caller keeps (to read back the names). */
	public static Gazetteer.Builder register(ReferenceData reference, List<SanctionsList> lists) {
		Gazetteer.Builder builder = Gazetteer.builder();
		reference.registerInto(builder);
		for (SanctionsList list : lists) {
			new ListNames(reference.listNaming()).register(list, builder);
		}
		return builder;
	}

}
