# Idiom seen in: devesh1011/huggingface-transformers fine_tuning.py
# Idiom seen in: devesh1011/huggingface-transformers hf_accelerate.py
# What it reproduces: the accelerate script imports the model and a torch AdamW built on model.parameters() without weight_decay=;
# AdamW defaults to 0.01, so the BERT LayerNorm weights and all biases are decayed too (WD203, as in the repo).
from accelerate import Accelerator

from fine_tuning import epochs, lr_scheduler, model, optimizer, progress_bar, test_loader, train_loader

accelerator = Accelerator()

# prepare to accelerate
train_loader, test_loader, model, optimizer = accelerator.prepare(
    train_loader, test_loader, model, optimizer
)

model.train()
for epoch in range(epochs):
    for batch in train_loader:
        outputs = model(**batch)
        loss = outputs.loss
        accelerator.backward(loss)

        optimizer.step()
        lr_scheduler.step()
        optimizer.zero_grad()
        progress_bar.update(1)

accelerator.wait_for_everyone()
accelerator.unwrap_model(model).save_pretrained("bert-yelp", save_function=accelerator.save)
