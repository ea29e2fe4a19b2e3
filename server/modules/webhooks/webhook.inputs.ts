import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { VersionedArgs, BaseFilter } from '../../shared/resource.resolver.js';
import { WebhookDeliveryState, WebhookEventType } from './webhook.entity.js';

@InputType()
export class WebhookEndpointFilter extends BaseFilter {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  active?: boolean;
}

@ArgsType()
export class CreateWebhookEndpointArgs {
  @Field(() => String, { description: 'https://… của hệ thống nhận' })
  @MaxLength(2000)
  url: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(255)
  description?: string | null;

  @Field(() => [WebhookEventType])
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  events: WebhookEventType[];

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  @IsOptional()
  active?: boolean;
}

@ArgsType()
export class UpdateWebhookEndpointArgs extends VersionedArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  url?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(255)
  description?: string | null;

  @Field(() => [WebhookEventType], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  events?: WebhookEventType[];

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  active?: boolean;
}

@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => ID)
  endpointId: string;

  @Field(() => WebhookDeliveryState, { nullable: true })
  @IsOptional()
  state?: WebhookDeliveryState;

  @Field(() => Int, { defaultValue: 50, description: 'Số lần gửi mới nhất (tối đa 100)' })
  @Min(1)
  @Max(100)
  first: number;
}
