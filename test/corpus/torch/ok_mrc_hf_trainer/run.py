# Idiom seen in: boostcampaitech2/mrc-level2-nlp-14 new_run.py
# Idiom seen in: boostcampaitech2/mrc-level2-nlp-14 solution/args/training_args.py
# What it reproduces: HfArgumentParser over dataclasses (or a YAML file), an extractive QA reader, and the
#   Trainer subclass. The decay (0.01) goes only through TrainingArguments, and the Trainer's own optimizer
#   already leaves biases and LayerNorm weights undecayed; compute_loss is not overridden: clean.
import os
import sys

from transformers import AutoModelForQuestionAnswering, AutoTokenizer, HfArgumentParser, set_seed

from training_args import MrcDataArguments, MrcModelArguments, MrcTrainingArguments
from trainers import QuestionAnsweringTrainer
from processors import prepare_train_features, prepare_validation_features, post_processing_function
from metrics import compute_metrics
from datasets import load_from_disk


def main():
    parser = HfArgumentParser((MrcModelArguments, MrcDataArguments, MrcTrainingArguments))
    if len(sys.argv) == 2 and sys.argv[1].endswith(".yaml"):
        model_args, data_args, training_args = parser.parse_yaml_file(yaml_file=os.path.abspath(sys.argv[1]))
    else:
        model_args, data_args, training_args = parser.parse_args_into_dataclasses()
    set_seed(training_args.seed)

    tokenizer = AutoTokenizer.from_pretrained(model_args.tokenizer_name or model_args.model_name_or_path)
    model = AutoModelForQuestionAnswering.from_pretrained(model_args.model_name_or_path)

    datasets = load_from_disk(data_args.dataset_path)
    train_dataset = datasets["train"].map(lambda x: prepare_train_features(x, tokenizer, data_args),
                                          batched=True, remove_columns=datasets["train"].column_names)
    eval_dataset = datasets["validation"].map(lambda x: prepare_validation_features(x, tokenizer, data_args),
                                              batched=True, remove_columns=datasets["validation"].column_names)

    trainer = QuestionAnsweringTrainer(
        model=model,
        args=training_args,
        train_dataset=train_dataset,
        eval_dataset=eval_dataset,
        eval_examples=datasets["validation"],
        tokenizer=tokenizer,
        post_process_function=post_processing_function,
        compute_metrics=compute_metrics,
    )
    train_result = trainer.train()
    trainer.save_model()
    trainer.log_metrics("train", train_result.metrics)
    if training_args.do_eval:
        trainer.log_metrics("eval", trainer.evaluate())


if __name__ == "__main__":
    main()
