package io.convot.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.convot.common.ConvotException;
import org.junit.jupiter.api.Test;

class ContactFilterTest {

  private static ContactFilter shop(String shop) {
    return new ContactFilter(null, null, null, null, null, shop);
  }

  @Test
  void aShopIsComparedAsTheSidebarReadsIt() {
    assertEquals("acme-2.myshopify.com", shop(" Acme-2.MyShopify.com ").shop());
    assertNull(new ContactFilter(null, null, null, null, null).shop());
  }

  @Test
  void onlyAMyshopifyDomainIsAShop() {
    for (String bad : new String[] {"acme.com", "acme", ".myshopify.com", "-acme.myshopify.com", "a%.myshopify.com",
        "acme.myshopify.com.evil.test", "a b.myshopify.com"}) {
      ConvotException refused = assertThrows(ConvotException.class, () -> shop(bad), bad);
      assertEquals("shop", refused.fieldErrors().get(0).field());
    }
  }
}
