# Idiom seen in: repository not resolved by the code index (index file id 15454087658: `class RegularizedTrainer(Trainer)`
#   with reg_fn / reg_coeff added to outputs.loss in compute_loss)
# What it reproduces: a transformers.Trainer subclass whose compute_loss adds `reg_coeff * reg_fn(model)` to the
#   model's loss, with a ridge penalty on the classification head's weight matrix only; the TrainingArguments
#   say weight_decay=0.0 explicitly, so the Trainer's AdamW decays nothing and the head is decayed once.
# label-note: clean program. The penalty is in the loss that Trainer.train() backpropagates (compute_loss is a
#   library-called override); TrainingArguments.weight_decay is 0.0, so there is no double decay, no WD203.
import argparse

from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments

from data_utils import load_glue_task  # not part of this program


def head_l2(model):
    return model.classifier.weight.pow(2).sum()


class RegularizedTrainer(Trainer):
    def __init__(self, *args, reg_fn=None, reg_coeff: float = 1e-3, **kwargs):
        super().__init__(*args, **kwargs)
        self.reg_fn = reg_fn
        self.reg_coeff = reg_coeff

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        outputs = model(**inputs)
        loss = outputs.loss
        if self.reg_fn is not None:
            loss = loss + self.reg_coeff * self.reg_fn(model)
        return (loss, outputs) if return_outputs else loss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name", default="bert-base-uncased")
    parser.add_argument("--task", default="sst2")
    parser.add_argument("--reg_coeff", type=float, default=1e-3)
    args = parser.parse_args()

    tokenizer = AutoTokenizer.from_pretrained(args.model_name)
    model = AutoModelForSequenceClassification.from_pretrained(args.model_name, num_labels=2)
    train_ds, eval_ds = load_glue_task(args.task, tokenizer)

    training_args = TrainingArguments(
        output_dir="out-" + args.task,
        learning_rate=2e-5,
        per_device_train_batch_size=32,
        num_train_epochs=3,
        weight_decay=0.0,
        warmup_ratio=0.06,
    )
    trainer = RegularizedTrainer(model=model, args=training_args, train_dataset=train_ds, eval_dataset=eval_ds,
                                 tokenizer=tokenizer, reg_fn=head_l2, reg_coeff=args.reg_coeff)
    trainer.train()


if __name__ == "__main__":
    main()
