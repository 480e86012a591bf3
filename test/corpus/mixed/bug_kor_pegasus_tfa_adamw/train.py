# Idiom seen in: sangHa0411/kor-pegasus trainer.py
# Idiom seen in: sangHa0411/kor-pegasus train.py
# What it reproduces: TFPegasus wrapped in a Keras model and trained in a GradientTape loop with tensorflow_addons AdamW(weight_decay=1e-2);
# apply_gradients gets no decay_var_list, so every LayerNorm gamma/beta, bias and embedding is decayed too (WD203, as in the repo).
import random

import numpy as np
import tensorflow as tf
from transformers import HfArgumentParser, PegasusConfig, PegasusTokenizerFast, TFPegasusForConditionalGeneration

from arguments import DataArguments, ModelArguments, TrainingArguments
from trainer import Trainer
from utils.encoder import Encoder
from utils.loader import DataLoader


def main():
    parser = HfArgumentParser((ModelArguments, DataArguments, TrainingArguments))
    model_args, data_args, training_args = parser.parse_args_into_dataclasses()
    random.seed(training_args.seed)
    np.random.seed(training_args.seed)
    tf.random.set_seed(training_args.seed)

    datasets = DataLoader(seed=training_args.seed).load(data_args.dir_path)
    tokenizer = PegasusTokenizerFast.from_pretrained(model_args.PLM)
    encoder = Encoder(tokenizer, data_args.max_input_length, data_args.max_target_length)
    datasets = datasets.map(encoder, batched=True, num_proc=8, remove_columns=datasets.column_names)
    config = PegasusConfig.from_pretrained(model_args.PLM)

    def create_model():
        input_ids = tf.keras.layers.Input(shape=(data_args.max_input_length,), dtype=tf.int32, name="input_ids")
        attention_mask = tf.keras.layers.Input(shape=(data_args.max_input_length,), dtype=tf.int32, name="attention_mask")
        decoder_input_ids = tf.keras.layers.Input(shape=(data_args.max_target_length,), dtype=tf.int32, name="decoder_input_ids")
        decoder_attention_mask = tf.keras.layers.Input(shape=(data_args.max_target_length,), dtype=tf.int32, name="decoder_attention_mask")
        summarization_model = TFPegasusForConditionalGeneration.from_pretrained(model_args.PLM, config=config, from_pt=True)
        outputs = summarization_model(input_ids=input_ids, attention_mask=attention_mask,
                                      decoder_input_ids=decoder_input_ids,
                                      decoder_attention_mask=decoder_attention_mask)["logits"]
        return tf.keras.Model(inputs=[input_ids, attention_mask, decoder_input_ids, decoder_attention_mask], outputs=outputs)

    trainer = Trainer(args=training_args, model_create_fn=create_model, tokenizer=tokenizer,
                      datasets=datasets, tpu_name="tpu")
    trainer.train()


if __name__ == "__main__":
    main()
