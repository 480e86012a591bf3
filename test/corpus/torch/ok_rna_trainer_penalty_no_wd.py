# Idiom seen in: gxx27/RNA3D finetune.py
# What it reproduces: HF Trainer fine-tuning of the MSA-augmenting T5 where the regularisation is an
#   explicit L2 penalty added in a Trainer subclass's compute_loss, and TrainingArguments keeps
#   weight_decay=0.0 so the Trainer's own AdamW does not decay the same weights again. Clean.
import logging
import sys

from torch.utils.data import random_split
from transformers import T5Config, T5Tokenizer, Trainer, TrainingArguments, set_seed

from msadata import MSADataSet, DataCollatorForMSA
from model import MSA_AUGMENTOR

logger = logging.getLogger(__name__)


class L2Trainer(Trainer):
    def __init__(self, *args, l2_coef=1e-5, **kwargs):
        super().__init__(*args, **kwargs)
        self.l2_coef = l2_coef

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        outputs = model(**inputs)
        l2 = sum(p.pow(2).sum() for n, p in model.named_parameters() if p.requires_grad and n.endswith("weight"))
        loss = outputs.loss + self.l2_coef * l2
        return (loss, outputs) if return_outputs else loss


def main():
    logging.basicConfig(stream=sys.stdout, level=logging.INFO)
    set_seed(42)
    tokenizer = T5Tokenizer.from_pretrained('./config')
    dataset = MSADataSet('./dataset/dataset1.fasta', tokenizer, num_alignments=3)
    valid_size = int(0.2 * len(dataset))
    train_dataset, valid_dataset = random_split(dataset, [len(dataset) - valid_size, valid_size])

    config = T5Config.from_pretrained('./config')
    config.seq_per_msa = 3
    config.vocab_size = len(tokenizer)
    model = MSA_AUGMENTOR(config=config)
    model.resize_token_embeddings(len(tokenizer))

    training_args = TrainingArguments(
        output_dir='./result_config',
        do_train=True,
        per_device_train_batch_size=3,
        num_train_epochs=100,
        learning_rate=2e-5,
        weight_decay=0.0,
        evaluation_strategy='epoch',
        save_strategy='epoch',
        remove_unused_columns=False,
    )
    trainer = L2Trainer(
        model=model,
        args=training_args,
        train_dataset=train_dataset,
        eval_dataset=valid_dataset,
        tokenizer=tokenizer,
        data_collator=DataCollatorForMSA(tokenizer),
        l2_coef=1e-5,
    )
    trainer.train()
    trainer.save_model()


if __name__ == "__main__":
    main()
