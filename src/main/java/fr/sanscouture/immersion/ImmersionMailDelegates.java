package fr.sanscouture.immersion;

import fr.sanscouture.immersion.ImmersionAgreements.Party;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of the immersion that send one mail each, each in a job of its own (its async
 * boundary, or the timer's before the tutor's review link): a failed send is retried by the job
 * executor, a later failure does not send it again.
 */
@Configuration
public class ImmersionMailDelegates {

  /** {@code Task_SendPersonLink}: the person's link to sign. */
  @Bean("sendPersonLinkDelegate")
  public static JavaDelegate sendPersonLink(ImmersionMails mails) {
    return execution -> mails.askSignature(execution, Party.PERSON, false);
  }

  /** {@code Task_SendCompanyLink}: the company's link to sign, sent to the tutor. */
  @Bean("sendCompanyLinkDelegate")
  public static JavaDelegate sendCompanyLink(ImmersionMails mails) {
    return execution -> mails.askSignature(execution, Party.COMPANY, false);
  }

  /** {@code Task_SendReviewLink}: the tutor's link to give the bilan. */
  @Bean("sendReviewLinkDelegate")
  public static JavaDelegate sendReviewLink(ImmersionMails mails) {
    return mails::askReview;
  }
}
