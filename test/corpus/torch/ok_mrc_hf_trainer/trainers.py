# Idiom seen in: boostcampaitech2/mrc-level2-nlp-14 solution/reader/trainers/qa.py
# What it reproduces: a QuestionAnsweringTrainer that only overrides evaluate() to post-process span
#   predictions; training, the loss and the optimizer are the Hugging Face Trainer's own.
from transformers import Trainer


class QuestionAnsweringTrainer(Trainer):
    def __init__(self, *args, eval_examples=None, post_process_function=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.eval_examples = eval_examples
        self.post_process_function = post_process_function

    def evaluate(self, eval_dataset=None, eval_examples=None, ignore_keys=None, metric_key_prefix="eval"):
        eval_dataset = self.eval_dataset if eval_dataset is None else eval_dataset
        eval_examples = self.eval_examples if eval_examples is None else eval_examples
        eval_dataloader = self.get_eval_dataloader(eval_dataset)
        compute_metrics = self.compute_metrics
        self.compute_metrics = None
        try:
            output = self.evaluation_loop(eval_dataloader, description="Evaluation",
                                          prediction_loss_only=None, ignore_keys=ignore_keys)
        finally:
            self.compute_metrics = compute_metrics
        metrics = {}
        if self.post_process_function is not None and self.compute_metrics is not None:
            eval_preds = self.post_process_function(eval_examples, eval_dataset, output.predictions, self.args)
            metrics = self.compute_metrics(eval_preds)
            metrics = {f"{metric_key_prefix}_{k}": v for k, v in metrics.items()}
            self.log(metrics)
        self.control = self.callback_handler.on_evaluate(self.args, self.state, self.control, metrics)
        return metrics
