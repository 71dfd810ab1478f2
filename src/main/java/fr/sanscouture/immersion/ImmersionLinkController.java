package fr.sanscouture.immersion;

import fr.sanscouture.immersion.ImmersionLinkService.LinkRefusedException;
import fr.sanscouture.immersion.ImmersionLinkService.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages a personal link opens, for people without an account: the person and the company read and
 * sign the agreement, the tutor gives the bilan. In French, minimal, never cached nor indexed.
 */
@Controller
class ImmersionLinkController {

  private static final String SIGNATURE = "/immersion/{agreementId}/signature/{token}";
  private static final String REVIEW = "/immersion/{agreementId}/bilan/{token}";

  private final ImmersionLinkService service;

  ImmersionLinkController(ImmersionLinkService service) {
    this.service = service;
  }

  @ModelAttribute
  void privatePage(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Robots-Tag", "noindex");
  }

  @GetMapping(SIGNATURE)
  String agreement(@PathVariable String agreementId, @PathVariable String token, HttpServletRequest request, Model model) {
    model.addAttribute("view", service.open(agreementId, token, Page.SIGNATURE, request.getRemoteAddr()));
    return "immersion/agreement";
  }

  @PostMapping(SIGNATURE)
  String sign(@PathVariable String agreementId, @PathVariable String token, @RequestParam(required = false) String signatoryName,
      @RequestParam(defaultValue = "false") boolean accepted, HttpServletRequest request, HttpServletResponse response, Model model) {
    try {
      service.sign(agreementId, token, signatoryName, accepted, request.getRemoteAddr());
    } catch (BadUserRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e.getMessage());
      return agreement(agreementId, token, request, model);
    }
    model.addAttribute("message", "Merci : votre signature est enregistrée. Le prescripteur validera la convention avant le début de l'immersion.");
    return "immersion/done";
  }

  @GetMapping(REVIEW)
  String review(@PathVariable String agreementId, @PathVariable String token, HttpServletRequest request, Model model) {
    model.addAttribute("view", service.open(agreementId, token, Page.REVIEW, request.getRemoteAddr()));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of());
    }
    return "immersion/review";
  }

  @PostMapping(REVIEW)
  String giveReview(@PathVariable String agreementId, @PathVariable String token, @RequestParam Map<String, String> form,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    try {
      service.review(agreementId, token, form::get, request.getRemoteAddr());
    } catch (BadUserRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e.getMessage());
      model.addAttribute("form", form);
      return review(agreementId, token, request, model);
    }
    model.addAttribute("message", "Merci : votre bilan est transmis au référent de la personne.");
    return "immersion/done";
  }

  @ExceptionHandler(LinkRefusedException.class)
  String refused(LinkRefusedException e, HttpServletResponse response, Model model) {
    privatePage(response);
    response.setStatus(e.refusal.status);
    model.addAttribute("message", e.refusal.message);
    return "immersion/refused";
  }
}
