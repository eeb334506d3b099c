package hk.esgone.directory.company;

import java.util.Collection;

/** Told after a company write reached MongoDB (the search indexer listens, to index it at once). */
public interface CompanyChangeListener {

    void companiesChanged(Collection<String> companyIds);
}
