# Idiom seen in: Bala-Yarabikki/sentiment_analysis_test1 src/performance_metrics.py
# Idiom seen in: Bala-Yarabikki/sentiment_analysis_test1 src/training_loop.py
# What it reproduces: a module-level optimizer and scheduler imported by the training loop; the Hugging Face
#   AdamW is created without weight_decay (its default is 0.0), so nothing is decayed: clean.
from transformers import AdamW, get_linear_schedule_with_warmup

from dataloaders import dataloader_train
from pretrained_model import model

epochs = 5

optimizer = AdamW(model.parameters(),
                  lr=1e-5,
                  eps=1e-8)

scheduler = get_linear_schedule_with_warmup(optimizer,
                                            num_warmup_steps=0,
                                            num_training_steps=len(dataloader_train) * epochs)
