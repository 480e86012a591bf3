# Idiom seen in: thunlp/OpenPrompt tutorial/1.4_soft_template.py
# Idiom seen in: thunlp/OpenPrompt tutorial/0_basic.py
# What it reproduces: RoBERTa prompt tuning: the PLM gets transformers' AdamW over a no_decay =
# ['bias', 'LayerNorm.weight'] split; the soft prompt gets a second transformers.AdamW without
# weight_decay (its default is 0.0, unlike torch.optim.AdamW). Clean.
import argparse

import torch
from tqdm import tqdm
from transformers import AdamW, get_linear_schedule_with_warmup

from openprompt import PromptDataLoader, PromptForClassification
from openprompt.data_utils import PROCESSORS
from openprompt.plms import load_plm
from openprompt.prompts import ManualVerbalizer, SoftTemplate

parser = argparse.ArgumentParser("")
parser.add_argument("--model", type=str, default="roberta")
parser.add_argument("--model_name_or_path", default="roberta-large")
parser.add_argument("--data_dir", type=str, default="./datasets/")
parser.add_argument("--max_steps", default=20000, type=int)
parser.add_argument("--prompt_lr", type=float, default=0.3)
parser.add_argument("--warmup_step_prompt", type=int, default=500)
parser.add_argument("--soft_token_num", type=int, default=20)
parser.add_argument("--tune_plm", action="store_true")
args = parser.parse_args()

plm, tokenizer, model_config, WrapperClass = load_plm(args.model, args.model_name_or_path)

Processor = PROCESSORS["super_glue.rte"]
dataset = {
    'train': Processor().get_train_examples(args.data_dir),
    'validation': Processor().get_dev_examples(args.data_dir),
}
class_labels = Processor().get_labels()

mytemplate = SoftTemplate(model=plm, tokenizer=tokenizer, num_tokens=args.soft_token_num,
                          initialize_from_vocab=True).from_file("scripts/SuperGLUE/RTE/soft_template.txt", choice=0)
myverbalizer = ManualVerbalizer(tokenizer, classes=class_labels).from_file(
    "scripts/SuperGLUE/RTE/manual_verbalizer.txt", choice=0)

prompt_model = PromptForClassification(plm=plm, template=mytemplate, verbalizer=myverbalizer,
                                       freeze_plm=(not args.tune_plm)).cuda()

train_dataloader = PromptDataLoader(dataset=dataset["train"], template=mytemplate, tokenizer=tokenizer,
                                    tokenizer_wrapper_class=WrapperClass, max_seq_length=256,
                                    batch_size=8, shuffle=True, truncate_method="tail")

loss_func = torch.nn.CrossEntropyLoss()
tot_step = args.max_steps

if args.tune_plm:
    no_decay = ['bias', 'LayerNorm.weight']  # no decay for biases and LayerNorm parameters
    optimizer_grouped_parameters1 = [
        {'params': [p for n, p in prompt_model.plm.named_parameters() if (not any(nd in n for nd in no_decay))], 'weight_decay': 0.01},
        {'params': [p for n, p in prompt_model.plm.named_parameters() if any(nd in n for nd in no_decay)], 'weight_decay': 0.0}
    ]
    optimizer1 = AdamW(optimizer_grouped_parameters1, lr=3e-5)
    scheduler1 = get_linear_schedule_with_warmup(optimizer1, num_warmup_steps=500, num_training_steps=tot_step)
else:
    optimizer1 = None
    scheduler1 = None

# the raw word embedding must be removed by hand from the prompt parameters
optimizer_grouped_parameters2 = [{'params': [p for name, p in prompt_model.template.named_parameters() if 'raw_embedding' not in name]}]
optimizer2 = AdamW(optimizer_grouped_parameters2, lr=args.prompt_lr)
scheduler2 = get_linear_schedule_with_warmup(optimizer2, num_warmup_steps=args.warmup_step_prompt,
                                             num_training_steps=tot_step)

glb_step = 0
prompt_model.train()
pbar = tqdm(total=tot_step, desc="Train")
while glb_step < tot_step:
    for step, inputs in enumerate(train_dataloader):
        inputs = inputs.cuda()
        logits = prompt_model(inputs)
        labels = inputs['label']
        loss = loss_func(logits, labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(prompt_model.parameters(), 1.0)

        if optimizer1 is not None:
            optimizer1.step()
            optimizer1.zero_grad()
        if scheduler1 is not None:
            scheduler1.step()
        optimizer2.step()
        optimizer2.zero_grad()
        scheduler2.step()

        glb_step += 1
        pbar.update(1)
        pbar.set_postfix({'loss': loss.item()})
        if glb_step >= tot_step:
            break
