# Idiom seen in: gxx27/RNA3D finetune.py
# Idiom seen in: gxx27/RNA3D finetune.sh
# What it reproduces: HF Trainer fine-tuning of an MSA-augmenting T5 with TrainingArguments
#   weight_decay=1e-2 (the repo's setting); a user mistake in that idiom: a Trainer subclass adds an
#   explicit L2 penalty on the same model in compute_loss, so the weights are decayed twice.
import logging
import sys

import torch
from torch.utils.data import random_split
from transformers import T5Config, T5Tokenizer, Trainer, TrainingArguments, set_seed

from msadata import MSADataSet, DataCollatorForMSA
from model import MSA_AUGMENTOR

logger = logging.getLogger(__name__)


class MSATrainer(Trainer):
    def __init__(self, *args, l2_coef=1e-4, **kwargs):
        super().__init__(*args, **kwargs)
        self.l2_coef = l2_coef

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        outputs = model(**inputs)
        loss = outputs.loss
        l2 = sum(p.pow(2).sum() for p in model.parameters() if p.requires_grad)  # expect: WD201
        loss = loss + self.l2_coef * l2
        return (loss, outputs) if return_outputs else loss


def main():
    logging.basicConfig(format="%(asctime)s - %(levelname)s - %(name)s - %(message)s",
                        handlers=[logging.StreamHandler(sys.stdout)], level=logging.INFO)
    set_seed(42)
    tokenizer = T5Tokenizer.from_pretrained('./config')
    train_dataset = MSADataSet('./dataset/dataset1.fasta', tokenizer, num_alignments=3)
    valid_size = int(0.2 * len(train_dataset))
    train_dataset, valid_dataset = random_split(train_dataset, [len(train_dataset) - valid_size, valid_size])

    config = T5Config.from_pretrained('./config')
    config.seq_per_msa = 3
    config.vocab_size = len(tokenizer)
    model = MSA_AUGMENTOR(config=config)
    model.resize_token_embeddings(len(tokenizer))

    training_args = TrainingArguments(
        output_dir='./result_config',
        do_train=True,
        overwrite_output_dir=True,
        per_device_train_batch_size=3,
        num_train_epochs=100,
        learning_rate=2e-5,
        weight_decay=1e-2,
        evaluation_strategy='epoch',
        save_strategy='epoch',
        remove_unused_columns=False,
        fp16=torch.cuda.is_available(),
    )
    trainer = MSATrainer(
        model=model,
        args=training_args,
        train_dataset=train_dataset,
        eval_dataset=valid_dataset,
        tokenizer=tokenizer,
        data_collator=DataCollatorForMSA(tokenizer),
        l2_coef=1e-4,
    )
    train_result = trainer.train()
    trainer.save_model()
    trainer.log_metrics("train", train_result.metrics)


if __name__ == "__main__":
    main()
