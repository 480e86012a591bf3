# Idiom seen in: gatmiry/sandbox2225-T4 mytests/customtrainer.py
# What it reproduces: clean twin: the Trainer subclass adds the explicit L2 term in compute_loss, and
#   TrainingArguments leaves weight_decay at its default 0.0, so the Trainer's AdamW adds no second decay.
from datasets import load_dataset
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, Trainer, TrainingArguments)


class CustomTrainer(Trainer):
    def __init__(self, *args, l2_lambda=1e-4, **kwargs):
        super().__init__(*args, **kwargs)
        self.l2_lambda = l2_lambda

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        outputs = model(**inputs)
        loss = outputs['loss']
        l2 = sum(p.pow(2).sum() for n, p in model.named_parameters()
                 if p.requires_grad and p.ndim > 1)
        loss = loss + self.l2_lambda * l2
        return (loss, outputs) if return_outputs else loss


if __name__ == '__main__':
    tokenizer = AutoTokenizer.from_pretrained('distilbert-base-uncased')
    model = AutoModelForSequenceClassification.from_pretrained('distilbert-base-uncased', num_labels=2)
    raw = load_dataset('imdb')
    tokenized = raw.map(lambda b: tokenizer(b['text'], truncation=True), batched=True)
    training_args = TrainingArguments(
        output_dir='./results',
        learning_rate=5e-5,
        per_device_train_batch_size=16,
        num_train_epochs=2,
        logging_steps=50,
    )
    trainer = CustomTrainer(model=model, args=training_args,
                            train_dataset=tokenized['train'], eval_dataset=tokenized['test'],
                            data_collator=DataCollatorWithPadding(tokenizer), l2_lambda=1e-5)
    trainer.train()
