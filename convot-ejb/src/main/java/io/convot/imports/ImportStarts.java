package io.convot.imports;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Starting an import: the token pair is tried against Crisp first, outside any transaction, and is
 * stored (sealed) only once Crisp accepted it for that website.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportStarts {

  @Inject ImportService imports;
  @Inject CrispReader reader;

  public ImportView start(ImportRequest request) {
    imports.checkStartable(request);
    try {
      reader.website(new CrispCall(request.websiteId(), request.credentials()));
    } catch (CrispFailure.Rejected e) {
      throw new ConvotException(ErrorCode.PARTNER_TOKEN_INVALID, "Crisp refused these credentials for this website: " + e.getMessage());
    } catch (CrispFailure.RateLimited e) {
      throw new ConvotException(ErrorCode.SOURCE_UNAVAILABLE, "Crisp is rate-limiting these credentials; nothing was stored. Try again shortly.");
    } catch (CrispFailure.Transient e) {
      throw new ConvotException(ErrorCode.SOURCE_UNAVAILABLE, "Crisp could not be reached to check the credentials; nothing was stored. Try again shortly.");
    }
    return imports.storeAccepted(request);
  }
}
