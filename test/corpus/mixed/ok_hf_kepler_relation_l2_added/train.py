# Idiom seen in: IgoRamli/IndoKEPLER utils/trainer.py
# Idiom seen in: IgoRamli/IndoKEPLER model/modeling_kepler.py
# Idiom seen in: IgoRamli/IndoKEPLER train.py
# What it reproduces: IndoKEPLER's KeplerTrainer with an L2 on the KE head's relation embeddings added to
#   outputs["loss"] in compute_loss and returned, so the Trainer backpropagates it; TrainingArguments are built
#   without weight_decay (0.0), so the Trainer's AdamW adds no second decay. Clean.
import argparse
from os import listdir

from datasets import load_from_disk
from transformers import AutoModelForMaskedLM, AutoTokenizer, TrainingArguments

from model.configuration_kepler import KeplerConfig
from model.modeling_kepler import KeplerModel
from utils.data_collator import get_data_collator
from utils.trainer import KeplerTrainer

parser = argparse.ArgumentParser()
parser.add_argument('--model-name-or-path', required=True, help='Model and tokenizer name')
parser.add_argument('--dataset', required=True, help='Path to dataset directories')
parser.add_argument('--output-dir', default='./indokepler')
parser.add_argument('--relation-l2', type=float, default=1e-5)


def load_model(model_name_or_path):
    distilbert_for_masked_lm = AutoModelForMaskedLM.from_pretrained(model_name_or_path)
    config = KeplerConfig(embedding_size=distilbert_for_masked_lm.config.dim)
    return KeplerModel(config, distilbert_for_masked_lm.distilbert, distilbert_for_masked_lm)


if __name__ == '__main__':
    args = parser.parse_args()
    training_args = TrainingArguments(
        output_dir=args.output_dir,
        per_device_train_batch_size=16,
        learning_rate=5e-5,
        num_train_epochs=3,
        logging_steps=100,
        save_steps=2000,
        label_names=[],
    )
    tokenizer = AutoTokenizer.from_pretrained(args.model_name_or_path)
    dataset = load_from_disk(args.dataset)
    trainer = KeplerTrainer(
        model=load_model(args.model_name_or_path),
        args=training_args,
        data_collator=get_data_collator(tokenizer),
        train_dataset=dataset['train'],
        eval_dataset=dataset['valid'],
        relation_l2=args.relation_l2)
    if len(listdir(training_args.output_dir)) > 0:
        trainer.train(resume_from_checkpoint=True)
    else:
        trainer.train()
