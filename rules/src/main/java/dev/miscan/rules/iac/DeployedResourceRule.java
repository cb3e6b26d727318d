package dev.miscan.rules.iac;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacTemplate;

/**
 * An IaC rule that judges each resource on its own settings. Only the resources a template deploys are
 * judged: an {@code existing} reference or a Terraform data source is configured where it is deployed.
 */
abstract class DeployedResourceRule extends Detector {

    @Override
    public final void scan(Document doc, FindingSink sink) {
        for (IacTemplate t : IacFindings.template(doc).allTemplates()) {
            for (IacTemplate.Resource r : t.resources()) {
                if (IacFindings.deployed(r)) {
                    check(doc, sink, t, r);
                }
            }
        }
    }

    /** Reports what resource {@code r} of template {@code t} enables that it should not. */
    abstract void check(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r);
}
